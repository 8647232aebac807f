import TrappeBase
import TrappeStorage

extension MetaCommand {
  /// `.describe TABLE`: one row per column with its type and statistics.
  static let describe = MetaCommand(
    name: "describe", arguments: [.table], usage: ".describe TABLE",
    summary: "Show each column's type, nulls, range, distinct values",
    example: ".describe kommuner"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(1...1, naming: "a table name")
    let (name, table) = try session.table(named: invocation.arguments[0], in: invocation)
    var nulls = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var distinct = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var minimums: [String?] = []
    var maximums: [String?] = []
    var examples: [String?] = []
    var types: [String?] = []
    var units: [String?] = []
    var meanings: [String?] = []
    let entry = session.catalog.entry(name)
    let manifest = entry?.provenance.manifest
    for (field, column) in zip(table.schema.fields, table.columns) {
      units.append(manifest?.column(field.name).map { $0.unit ?? "" })
      meanings.append(manifest?.column(field.name)?.meaning)
      let summary = ColumnSummary(column)
      if case .period(let periods) = column {
        types.append("period(\(periods.unit.name))")
      } else {
        types.append(field.type.name)
      }
      nulls.append(Int64(summary.nullCount))
      distinct.append(Int64(summary.distinctCount))
      minimums.append(summary.minimum.isNull ? nil : summary.minimum.description)
      maximums.append(summary.maximum.isNull ? nil : summary.maximum.description)
      examples.append(
        summary.examples.isEmpty ? nil : summary.examples.map(\.description).joined(separator: ", "))
    }
    var footer =
      ["\(name): \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows")"]
      + (entry.map { ["source: \($0.describedSource)"] } ?? [])
    if entry?.provenance.illustrative == true { footer.append(Session.illustrativeNotice) }
    var columns: [(String, Column)] = [
      ("column", .string(StringColumn(table.schema.names))),
      ("type", .string(StringColumn(types))),
    ]
    if manifest != nil { columns.append(("unit", .string(StringColumn(units)))) }
    columns += [
      ("nulls", .int64(nulls.finish())),
      ("distinct", .int64(distinct.finish())),
      ("min", .string(StringColumn(minimums))),
      ("max", .string(StringColumn(maximums))),
    ]
    columns.append(manifest == nil ? ("examples", .string(StringColumn(examples))) : ("meaning", .string(StringColumn(meanings))))
    session.show(Table(columns), footer: footer)
  }
}
