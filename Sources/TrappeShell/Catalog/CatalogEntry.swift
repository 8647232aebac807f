import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeDatasets

/// Everything the session knows about one table: the table, where it came from, and which
/// columns are counts of persons (for `.suppress`).
///
/// Entries are made only by the three constructors below; a derived entry (a `let` table or a
/// query result) takes its provenance and illustrative label from its inputs' entries.
struct CatalogEntry: Sendable {
  /// The name queries use (`kommuner`, `vip`, `out3`).
  let name: String
  let table: Table
  let provenance: Provenance
  /// Per column: a count, derived from counts, or plain.
  let roles: [CountRole]
  /// The results in this table's chain (itself included) that were shown under `.suppress`, with
  /// the number of cells hidden in each: those cells are NULL, so no later query reads them back.
  let suppressedSources: [SuppressedSource]
  /// The cells shown hidden (`<N`) when this result was shown; they stay hidden when it is shown or
  /// saved again.
  let hidden: SuppressionMask
  /// For a computed table, the optimised plan that computed it: `explain sql` inlines it.
  let plan: LogicalPlan?
  /// For a loaded file, where it was read (the path resolved as `.load` resolved it) and how it is
  /// written (delimiter, encoding, decimal comma), for `explain sql`.
  let csvFile: (path: String, format: SQLCSVFormat)?

  /// A result shown under `.suppress`, and how many of its cells were hidden (and are now NULL).
  struct SuppressedSource: Sendable, Equatable {
    let name: String
    let cells: Int
  }

  private init(
    name: String, table: Table, provenance: Provenance, roles: [CountRole], suppressedSources: [SuppressedSource] = [],
    hidden: SuppressionMask = SuppressionMask(), plan: LogicalPlan? = nil,
    csvFile: (path: String, format: SQLCSVFormat)? = nil
  ) {
    self.csvFile = csvFile
    self.plan = plan
    self.name = name
    self.table = table
    self.provenance = provenance
    self.suppressedSources = suppressedSources
    self.hidden = hidden
    // A pivot's columns are known only after running: pad, and never keep more roles than columns.
    let padded = roles + Array(repeating: CountRole.plain, count: max(0, table.columnCount - roles.count))
    self.roles = Array(padded.prefix(table.columnCount))
  }

  /// A dataset, as the registry loaded it: its int columns whose unit is persons are counts.
  static func dataset(_ name: String, table: Table, manifest: DatasetManifest) -> CatalogEntry {
    CatalogEntry(
      name: name, table: table, provenance: .dataset(manifest),
      roles: personCounts(table, manifest))
  }

  /// The roles a manifest gives a table's columns: int columns whose unit is persons are counts.
  private static func personCounts(_ table: Table, _ manifest: DatasetManifest) -> [CountRole] {
    CountLineage.datasetRoles(table) { manifest.column($0)?.unit }
  }

  /// A file loaded with `.load`; `dataset` is the dataset whose CSV has the same bytes, if any;
  /// `labelledIllustrative` when the file starts with the label a `.save` of generated data writes.
  static func file(
    _ name: String, table: Table, path: String, contentHash: String?, dataset: DatasetManifest?,
    labelledIllustrative: Bool = false, csvFile: (path: String, format: SQLCSVFormat)? = nil
  ) -> CatalogEntry {
    CatalogEntry(
      name: name, table: table,
      provenance: .file(path, contentHash: contentHash, dataset: dataset, labelledIllustrative: labelledIllustrative),
      roles: dataset.map { personCounts(table, $0) } ?? [], csvFile: csvFile)
  }

  /// A table the driving program puts in directly (tests), with its count `roles` (default: none).
  static func given(_ name: String, table: Table, roles: [CountRole] = []) -> CatalogEntry {
    CatalogEntry(
      name: name, table: table,
      provenance: Provenance(origin: .given(description: name), leaves: [.init(line: name, illustrative: false)]),
      roles: roles)
  }

  /// A table of an attached engine as one statement read it: `engine` names the engine and its
  /// database, `sql` the statement sent and `time` when; `illustrative` names the illustrative
  /// dataset whose name the table has (a copy of generated data keeps the label).
  static func engine(
    _ name: String, table: Table, engine: String, sql: String, time: String, illustrative: String?
  ) -> CatalogEntry {
    let line =
      "\(name) on \(engine), queried \(time)"
      + (illustrative.map { " (named like the illustrative dataset \($0))" } ?? "")
    return CatalogEntry(
      name: name, table: table,
      provenance: Provenance(
        origin: .engine(engine: engine, sql: sql, time: time), leaves: [.init(line: line, illustrative: illustrative != nil)]),
      roles: [])
  }

  /// A table computed by `statement` (a `let` or a query) from the tables `inputs`.
  static func derived(
    _ name: String, table: Table, statement: String, inputs: [CatalogEntry], roles: [CountRole],
    plan: LogicalPlan? = nil
  ) -> CatalogEntry {
    var sources: [SuppressedSource] = []
    for source in inputs.flatMap(\.suppressedSources) where !sources.contains(source) { sources.append(source) }
    return CatalogEntry(
      name: name, table: table,
      provenance: .derived(statement: statement, inputs: inputs.map { ($0.name, $0.provenance) }), roles: roles,
      suppressedSources: sources, plan: plan)
  }

  /// This result as it was shown: the cells `mask` hid now are NULL from now on, and `shown` (the
  /// mask with the cells its input already showed hidden) stays its display mask.
  func suppressed(by mask: SuppressionMask, shown: SuppressionMask) -> CatalogEntry {
    guard !shown.isEmpty else { return self }
    return CatalogEntry(
      name: name, table: mask.nulling(table), provenance: provenance, roles: roles,
      suppressedSources: suppressedSources + (mask.isEmpty ? [] : [SuppressedSource(name: name, cells: mask.cellCount)]),
      hidden: shown, plan: plan)
  }

  /// Where `explain sql` reads this table from: a dataset's or loaded file's CSV, or the plan
  /// that computed it; nil when it has none (a table a program put in directly, or a result whose
  /// chain was shown under `.suppress`: its plan would recompute the hidden cells).
  func sqlSource(relativeTo directory: String) -> SQLSource? {
    switch provenance.origin {
    case .dataset(let manifest):
      // A manifest's `decimal: comma` means Statistics Denmark style: `;` between fields, 1,5.
      // `delimiter:` and `encoding:` keys, when given, say so explicitly.
      let comma = manifest.decimal == .comma
      return .csv(
        path: CatalogEntry.relative(manifest.file, to: directory),
        format: SQLCSVFormat(
          delimiter: manifest.delimiter.map { Character(Unicode.Scalar($0)) } ?? (comma ? ";" : ","),
          latin1: manifest.encoding == .latin1 || manifest.encoding == .windows1252, decimalComma: comma))
    case .file:
      return csvFile.map { .csv(path: CatalogEntry.relative($0.path, to: directory), format: $0.format) }
    case .derived:
      guard suppressedSources.isEmpty else { return nil }
      return plan.map { .plan($0) }
    case .given, .engine:
      return nil
    }
  }

  /// `path` relative to `directory` when it lies below it, else unchanged.
  private static func relative(_ path: String, to directory: String) -> String {
    let prefix = directory.hasSuffix("/") ? directory : directory + "/"
    return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
  }

  /// How a footer or `.tables` names this table as a source: a dataset's citation, a file's path,
  /// or for a computed table its name and the real sources under it (`vip ← kommunepanel (…)`).
  var sourceLine: String {
    guard case .derived = provenance.origin else { return provenance.leafLines }
    return CatalogEntry.chain(name, below: provenance.leafLines)
  }

  /// The source as `.describe` shows it: a computed table also names the statement that made it.
  var describedSource: String {
    guard case .derived(let statement, _) = provenance.origin else { return sourceLine }
    return CatalogEntry.chain(statement, below: provenance.leafLines)
  }

  /// `head ← below`, or `head` alone when nothing real lies below it.
  private static func chain(_ head: String, below: String) -> String {
    below.isEmpty ? head : "\(head) ← \(below)"
  }
}
