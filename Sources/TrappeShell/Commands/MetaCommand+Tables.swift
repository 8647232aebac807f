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
    // The attached engine's tables: their rows stay there, so neither rows nor columns are counted.
    var engineTables: [String] = []
    if let engine = session.engine {
      do throws(EngineError) {
        engineTables = try engine.tables()
      } catch {
        throw EngineMessages.diagnostic(error, engine: engine)
      }
    }
    names += engineTables
    guard !names.isEmpty else {
      session.say("no tables yet: load one with .load FILE [as NAME]")
      return
    }
    var rows = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var columns = PrimitiveColumnBuilder<Int64>(placeholder: 0)
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
        rows.appendNull()
        columns.appendNull()
        sources.append("on \(engine.description)")
      }
    }
    session.show(
      Table([
        ("name", .string(StringColumn(names))),
        ("rows", .int64(rows.finish())),
        ("columns", .int64(columns.finish())),
        ("source", .string(StringColumn(sources))),
      ]), allRows: true)
    let released = session.catalog.releasedNames
    if !released.isEmpty {
      session.say("released to save memory (re-run their queries): \(released.joined(separator: ", "))")
    }
  }
}
