import TrappeBase
import TrappeEngines
import TrappeStorage

extension MetaCommand {
  /// `.tables`: lists the tables with their size and origin.
  static let tables = MetaCommand(
    name: "tables", usage: ".tables",
    summary: "List the tables (loaded and datasets) with their source",
    example: ".tables"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...0, naming: "nothing")
    var names = session.tableNames
    // The attached engine's tables: their rows stay there. Columns come from the schema; rows
    // from the engine's metadata where it keeps them (DuckDB tables), else "?" (never counted).
    var engineTables: [String] = []
    var engineRows: [String: Int64] = [:]
    if let engine = session.engine {
      do throws(EngineError) {
        engineTables = try engine.tables()
        if !engineTables.isEmpty { engineRows = try engine.rowCounts() }
      } catch {
        throw EngineMessages.diagnostic(error, engine: engine)
      }
    }
    names += engineTables
    guard !names.isEmpty else {
      session.say("no tables yet: load one with .load FILE [as NAME]")
      return
    }
    var rows: [Int64?] = []
    var columns: [Int64?] = []
    var sources: [String?] = []
    for name in names {
      if let entry = session.catalog.entry(name) {
        rows.append(Int64(entry.table.rowCount))
        columns.append(Int64(entry.table.columnCount))
        sources.append(entry.sourceLine)
      } else if let manifest = session.datasets.manifest(name), !engineTables.contains(name) {
        rows.append(Int64(manifest.rows))
        columns.append(Int64(manifest.columns.count))
        sources.append(manifest.provenanceLine)
      } else if let engine = session.engine {
        rows.append(engineRows[name])
        columns.append(engine.columnCount(name).map(Int64.init))
        sources.append("on \(engine.description)")
      }
    }
    let unknown = rows.contains(nil) || columns.contains(nil)
    var footer: [String] = []
    if let engine = session.engine, !engineTables.isEmpty {
      let uncounted = engineTables.contains { engineRows[$0] == nil }
      footer.append(
        engineRows.isEmpty
          ? "rows of \(engine.prefix) tables are not counted (?): counting would scan them on the engine"
          : "rows of \(engine.prefix) tables: the engine's stored row count (no scan)"
            + (uncounted ? "; ? = a view, not counted: counting would run it" : ""))
    }
    // A count that is not known shows "?", never NULL: then the counts are text (numbers right-aligned).
    func column(_ values: [Int64?]) -> Column {
      unknown ? .string(StringColumn(values.map { $0.map { String($0) } ?? "?" })) : .int64(Int64Column(values.map { $0 ?? 0 }))
    }
    session.show(
      Table([
        ("name", .string(StringColumn(names))),
        ("rows", column(rows)),
        ("columns", column(columns)),
        ("source", .string(StringColumn(sources))),
      ]), footer: footer, allRows: true, numbersRight: unknown ? [1, 2] : [])
    let released = session.catalog.releasedNames
    if !released.isEmpty {
      session.say("released to save memory (re-run their queries): \(released.joined(separator: ", "))")
    }
  }
}
