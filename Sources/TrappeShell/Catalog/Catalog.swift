import TrappeStorage

/// The tables of a session: the named ones in the order they were added, and the numbered
/// query results (`out1`, `out2`, …; `_` is the last).
///
/// One entry per table holds the table with its provenance and count roles, so they cannot
/// drift apart. A value type: a command builds its new entry completely before it calls
/// ``register(_:)``, so a failed command leaves the catalog as it was.
struct Catalog: Sendable {
  private var entries: [String: CatalogEntry] = [:]
  /// The table names in insertion order.
  private(set) var names: [String] = []
  /// Every query result so far by number (`out1` first); nil where it was released to save memory.
  private var resultSlots: [CatalogEntry?] = []
  /// The statements of released results, by result number, for the message that asks to re-run them.
  private var releasedStatements: [Int: String] = [:]

  /// The query results still kept, `out1` first.
  var results: [CatalogEntry] { resultSlots.compactMap { $0 } }

  /// Creates an empty catalog.
  init() {}

  /// The named table called `name` (not `_` or `outN`).
  subscript(name: String) -> Table? { entries[name]?.table }

  /// The entry a query means by `name`: a named table, `_` (the last result) or `outN`.
  func entry(_ name: String) -> CatalogEntry? {
    if let entry = entries[name] { return entry }
    if name == "_" { return resultSlots.last ?? nil }
    if let number = Catalog.resultNumber(name), number >= 1, number <= resultSlots.count {
      return resultSlots[number - 1]
    }
    return nil
  }

  /// Adds or replaces the named table of `entry`; returns whether a table of that name was replaced.
  @discardableResult
  mutating func register(_ entry: CatalogEntry) -> Bool {
    let replaced = entries.updateValue(entry, forKey: entry.name) != nil
    if !replaced { names.append(entry.name) }
    return replaced
  }

  /// Appends a query result; its entry must be named ``nextResultName``.
  mutating func appendResult(_ entry: CatalogEntry) {
    resultSlots.append(entry)
  }

  /// Removes the newest result slot, so the next result takes its name (a line starting
  /// with `|` in the shell replaces the result of the query it extends); nil when there is none.
  mutating func removeLastResult() -> CatalogEntry? {
    guard let last = resultSlots.popLast() else { return nil }
    return last
  }

  /// How many results have been numbered so far (released ones too).
  var resultSlotCount: Int { resultSlots.count }

  /// The name the next query result gets: `out1`, `out2`, ….
  var nextResultName: String { "out\(resultSlots.count + 1)" }

  /// The bytes the kept results' columns take (a result sharing columns with another table counts them again).
  var resultBytes: Int { results.reduce(0) { $0 + $1.table.byteCount } }

  /// Releases kept results, oldest first, until they take at most `bytes` together; the last
  /// result (`_`) is always kept, and named tables (`let`, `.load`) are never touched. Returns
  /// the names released.
  mutating func releaseResults(over bytes: Int) -> [String] {
    var total = resultBytes
    var released: [String] = []
    for number in resultSlots.indices.dropLast() where total > bytes {
      guard let entry = resultSlots[number] else { continue }
      total -= entry.table.byteCount
      if case .derived(let statement, _) = entry.provenance.origin { releasedStatements[number + 1] = statement }
      resultSlots[number] = nil
      released.append(entry.name)
    }
    return released
  }

  /// The names of the results released so far, `out1` first.
  var releasedNames: [String] { releasedStatements.keys.sorted().map { "out\($0)" } }

  /// Why `name` no longer names a table, when it is a released result.
  func releasedProblem(_ name: String) -> (message: String, hints: [String])? {
    guard let number = Catalog.resultNumber(name), let statement = releasedStatements[number],
      !contains(name)
    else { return nil }
    return (
      "\(name) was released to save memory; re-run the query",
      ["\(name) was: \(statement)", "keep a result with let NAME = ... (let tables are never released)"]
    )
  }

  /// Removes the table called `name`; returns whether it existed.
  @discardableResult
  mutating func remove(_ name: String) -> Bool {
    guard entries.removeValue(forKey: name) != nil else { return false }
    names.removeAll { $0 == name }
    return true
  }

  /// Whether a named table called `name` exists.
  func contains(_ name: String) -> Bool { entries[name] != nil }

  /// The number of named tables.
  var count: Int { names.count }

  /// Why `name` cannot name a table, or nil when it can: `_` and `outN` mean query results,
  /// and a table of that name would shadow them. `let` and `.load … as NAME` both ask this.
  static func reservedNameProblem(_ name: String) -> (message: String, hints: [String])? {
    guard name == "_" || resultNumber(name) != nil else { return nil }
    return ("'\(name)' is reserved for query results", ["choose another name"])
  }

  /// N for a name `outN`.
  static func resultNumber(_ name: String) -> Int? {
    guard name.hasPrefix("out") else { return nil }
    return Int(name.dropFirst(3))
  }
}
