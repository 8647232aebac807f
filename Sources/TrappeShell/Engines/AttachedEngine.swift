import TrappeBase
import TrappeDatasets
import TrappeEngines
import TrappeQuery
import TrappeStorage

/// The engine `.engine` attached: its bridge, the prefix its tables carry in Trappe
/// (`duckdb.forloeb`), and the tables' schemas as far as pipelines have asked for them.
final class AttachedEngine {
  let kind: EngineKind
  /// `duckdb`, `spark`, or the name given with `as NAME`.
  let prefix: String
  /// What it is attached to: a file, a master URL, "an in-memory database".
  let target: String
  let bridge: EngineBridge
  /// Units of DATE columns given on `.engine` (`weeks=a,b`, `months=…`, `quarters=…`).
  let units: [String: PeriodUnit]
  private var tableList: [String]?
  /// Trappe name → the relation's SQL and an empty table with its Trappe columns.
  private var schemas: [String: (relation: String, table: Table)] = [:]

  init(kind: EngineKind, prefix: String, target: String, bridge: EngineBridge, units: [String: PeriodUnit]) {
    self.kind = kind
    self.prefix = prefix
    self.target = target
    self.bridge = bridge
    self.units = units
  }

  /// "DuckDB 2.0.1 (Datasets.duckdb)".
  var description: String { (bridge.version ?? kind.name) + " (" + target + ")" }

  /// The engine's tables as Trappe names them (`duckdb.forloeb`), asked once per attach.
  func tables() throws(EngineError) -> [String] {
    if let tableList { return tableList }
    let names = try bridge.tables().map { prefix + "." + $0 }
    tableList = names
    return names
  }

  /// The row counts the engine's metadata holds, by Trappe name (`duckdb.t`); tables it has no
  /// count for (views, Spark) are absent. Nothing is scanned.
  func rowCounts() throws(EngineError) -> [String: Int64] {
    var counts: [String: Int64] = [:]
    for (name, rows) in try bridge.rowCounts() { counts[prefix + "." + name] = rows }
    return counts
  }

  /// The number of columns of an engine table from its schema (the engine describes it without
  /// running it), or nil when the engine cannot describe it.
  func columnCount(_ name: String) -> Int? {
    if let known = schemas[name] { return known.table.columnCount }
    guard let relation = relationSQL(for: name) else { return nil }
    do throws(EngineError) {
      return try bridge.columns(of: relation).count
    } catch {
      return nil
    }
  }

  /// The tables listed so far (no engine request): for completion.
  var knownTables: [String] { tableList ?? [] }

  /// Whether `name` is an engine relation a pipeline has bound.
  func isEngineRelation(_ name: String) -> Bool { schemas[name] != nil }

  /// The SQL relation of a bound engine name.
  func relation(_ name: String) -> String? { schemas[name]?.relation }

  /// The schema of a bound engine name.
  func boundTable(_ name: String) -> Table? { schemas[name]?.table }

  /// Whether `name` names something of this engine: `PREFIX.TABLE` or a file source.
  func claims(_ name: String) -> Bool {
    name.hasPrefix(prefix + ".") || FileSource.parse(name) != nil
  }

  /// The relation SQL for a Trappe name: the quoted table name, or the file reader.
  func relationSQL(for name: String) -> String? {
    if let file = FileSource.parse(name) { return kind.fileRelation(file.format, file.path) }
    guard name.hasPrefix(prefix + ".") else { return nil }
    let parts = name.dropFirst(prefix.count + 1).split(separator: ".", omittingEmptySubsequences: false)
    return parts.map { kind.dialect.identifier(String($0)) }.joined(separator: ".")
  }

  /// An empty table with the Trappe columns of the engine relation `name` (its rows stay in the
  /// engine), asking the engine once. Throws a message for a column Trappe has no type for.
  func table(_ name: String, datasets: DatasetRegistry) throws(Diagnostic) -> Table? {
    if let known = schemas[name] { return known.table }
    if let file = FileSource.parse(name), kind.fileRelation(file.format, file.path) == nil {
      throw Diagnostic(
        .error, "\(description) cannot read \(file.format) files in a query",
        hints: ["write the data as Parquet and use parquet(\"…\"), or create a table in the engine and use its name"])
    }
    guard let relation = relationSQL(for: name) else { return nil }
    if FileSource.parse(name) == nil {
      let known: [String]
      do throws(EngineError) { known = try tables() } catch { throw EngineMessages.diagnostic(error, engine: self) }
      guard known.contains(name) else { return nil }
    }
    let columns: [(name: String, type: String)]
    do throws(EngineError) {
      columns = try bridge.columns(of: relation)
    } catch {
      throw EngineMessages.diagnostic(error, engine: self)
    }
    var built: [(String, Column)] = []
    for column in columns {
      guard let type = EngineColumnType.dataType(column.type) else {
        throw Diagnostic(
          .error, "the column '\(column.name)' of \(name) has the engine type \(column.type), which Trappe has no form for",
          hints: [
            "Trappe reads integers, DOUBLE/DECIMAL, BOOLEAN, VARCHAR and DATE (as periods)",
            "make a view in the engine that casts it (CAST(\(column.name) AS VARCHAR)) or leaves it out",
          ])
      }
      switch type {
      case .int64: built.append((column.name, .int64(Int64Column([]))))
      case .double: built.append((column.name, .double(DoubleColumn([]))))
      case .bool: built.append((column.name, .bool(BoolColumn([]))))
      case .string: built.append((column.name, .string(StringColumn([String?]()))))
      case .period:
        guard let unit = unit(ofDate: column.name, datasets: datasets) else {
          throw Diagnostic(
            .error,
            "the DATE column '\(column.name)' of \(name) has no period unit Trappe can tell",
            hints: [
              "say which with .engine \(kind.name) \(target == kind.defaultTarget ? "" : target + " ")weeks=\(column.name) "
                + "(or months=, quarters=)",
              "a DATE is a week when its name ends in uge or week, or when a dataset's column of that name is in weeks",
            ])
        }
        built.append((column.name, .period(PeriodColumnBuilder(unit: unit).finish())))
      }
    }
    let table = Table(built)
    schemas[name] = (relation, table)
    return table
  }

  /// The period unit of an engine DATE column (docs/engines.md): the `.engine` option naming it,
  /// else the unit of a dataset's period column of the same name, else its name (`…uge`/`…week`:
  /// weeks, `…maaned`/`…month`: months, `…kvartal`/`…quarter`: quarters); nil when none says.
  func unit(ofDate column: String, datasets: DatasetRegistry) -> PeriodUnit? {
    if let given = units[column] { return given }
    for manifest in datasets.all {
      guard let declared = manifest.column(column), declared.type == .period,
        let unit = AttachedEngine.unit(named: declared.unit ?? "")
      else { continue }
      if unit != .year { return unit }
    }
    return AttachedEngine.unit(endingName: column)
  }

  static func unit(named text: String) -> PeriodUnit? {
    let lower = text.lowercased()
    if lower.contains("week") || lower.contains("uge") { return .week }
    if lower.contains("month") || lower.contains("måned") || lower.contains("maaned") { return .month }
    if lower.contains("quarter") || lower.contains("kvartal") { return .quarter }
    if lower.contains("year") || lower.contains("år") { return .year }
    return nil
  }

  static func unit(endingName name: String) -> PeriodUnit? {
    let lower = name.lowercased()
    if lower.hasSuffix("uge") || lower.hasSuffix("week") { return .week }
    if lower.hasSuffix("maaned") || lower.hasSuffix("måned") || lower.hasSuffix("month") { return .month }
    if lower.hasSuffix("kvartal") || lower.hasSuffix("quarter") { return .quarter }
    return nil
  }

  /// Whether the engine table's last name part is an illustrative dataset's name (a copy of
  /// generated data keeps its label).
  func looksIllustrative(_ name: String, datasets: DatasetRegistry) -> DatasetManifest? {
    guard let last = name.split(separator: ".").last, let manifest = datasets.manifest(String(last)),
      manifest.kind == .illustrative
    else { return nil }
    return manifest
  }

  /// Forgets the table list and schemas (after `.engine` again or a failed bridge).
  func forget() {
    tableList = nil
    schemas = [:]
  }
}
