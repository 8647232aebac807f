import TrappeStorage
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
  /// For a computed table, the optimised plan that computed it: `explain sql` inlines it.
  let plan: LogicalPlan?
  /// For a loaded file, where it was read (the path resolved as `.load` resolved it) and how it is
  /// written (delimiter, encoding, decimal comma), for `explain sql`.
  let csvFile: (path: String, format: SQLCSVFormat)?

  private init(
    name: String, table: Table, provenance: Provenance, roles: [CountRole], plan: LogicalPlan? = nil,
    csvFile: (path: String, format: SQLCSVFormat)? = nil
  ) {
    self.csvFile = csvFile
    self.name = name
    self.table = table
    self.provenance = provenance
    self.plan = plan
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

  /// A file loaded with `.load`; `dataset` is the dataset whose CSV has the same bytes, if any.
  static func file(
    _ name: String, table: Table, path: String, contentHash: String?, dataset: DatasetManifest?,
    csvFile: (path: String, format: SQLCSVFormat)? = nil
  ) -> CatalogEntry {
    CatalogEntry(
      name: name, table: table, provenance: .file(path, contentHash: contentHash, dataset: dataset),
      roles: dataset.map { personCounts(table, $0) } ?? [], csvFile: csvFile)
  }

  /// A table the driving program puts in directly (tests), with its count `roles` (default: none).
  static func given(_ name: String, table: Table, roles: [CountRole] = []) -> CatalogEntry {
    CatalogEntry(
      name: name, table: table,
      provenance: Provenance(origin: .given(description: name), leaves: [.init(line: name, illustrative: false)]),
      roles: roles)
  }

  /// A table computed by `statement` (a `let` or a query) from the tables `inputs`.
  static func derived(
    _ name: String, table: Table, statement: String, inputs: [CatalogEntry], roles: [CountRole],
    plan: LogicalPlan? = nil
  ) -> CatalogEntry {
    CatalogEntry(
      name: name, table: table,
      provenance: .derived(statement: statement, inputs: inputs.map { ($0.name, $0.provenance) }), roles: roles,
      plan: plan)
  }

  /// Where `explain sql` reads this table from: a dataset's or loaded file's CSV, or the plan
  /// that computed it; nil when it has none (a table a program put in directly).
  func sqlSource(relativeTo directory: String) -> SQLSource? {
    switch provenance.origin {
    case .dataset(let manifest):
      return .csv(path: CatalogEntry.relative(manifest.file, to: directory), format: SQLCSVFormat())
    case .file:
      return csvFile.map { .csv(path: CatalogEntry.relative($0.path, to: directory), format: $0.format) }
    case .derived:
      return plan.map { .plan($0) }
    case .given:
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
