extension MetaCommand {
  /// `.tables`: lists the tables with their size and origin.
  static let tables = MetaCommand(
    name: "tables", usage: ".tables",
    summary: "List the tables with rows, columns and source",
    example: ".tables"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...0, naming: "nothing")
    guard session.catalog.count > 0 else {
      session.say("no tables yet: load one with .load FILE [as NAME]")
      return
    }
    let names = session.catalog.names
    var rows = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var columns = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var sources: [String?] = []
    for name in names {
      let table = session.catalog[name] ?? .empty
      rows.append(Int64(table.rowCount))
      columns.append(Int64(table.columnCount))
      sources.append(session.provenance[name])
    }
    session.show(
      Table([
        ("name", .string(StringColumn(names))),
        ("rows", .int64(rows.finish())),
        ("columns", .int64(columns.finish())),
        ("source", .string(StringColumn(sources))),
      ]))
  }
}
