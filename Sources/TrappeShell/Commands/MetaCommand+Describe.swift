import Glibc
import TrappeBase
import TrappeStorage

extension MetaCommand {
  /// `.describe TABLE` or `.describe PIPELINE`: one row per column with its type and statistics.
  static let describe = MetaCommand(
    name: "describe", arguments: [.table], usage: ".describe TABLE|PIPELINE",
    summary: "Show each column's type, nulls, range, mean, quartiles",
    details: "Takes a table name or a pipeline (.describe resultater | where runde == 5).\n"
      + "sd is the sample standard deviation (n - 1); q1, median and q3 interpolate\n"
      + "between the sorted values (R's type 7, numpy's default); all skip nulls.",
    example: ".describe kommuner"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(1...Int.max, naming: "a table name or a pipeline")
    if invocation.arguments.count == 1, let engine = session.engine, engine.claims(invocation.arguments[0].text) {
      try session.describeOnEngine(invocation.arguments[0].text, word: invocation.arguments[0], invocation: invocation)
      return
    }
    let (name, table, inputs) = try session.describedTable(invocation)
    var nulls = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var distinct = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var minimums: [String?] = []
    var maximums: [String?] = []
    var examples: [String?] = []
    var types: [String?] = []
    var units: [String?] = []
    var meanings: [String?] = []
    var means: [Double?] = []
    var deviations: [Double?] = []
    var lowerQuartiles: [Double?] = []
    var medians: [Double?] = []
    var upperQuartiles: [Double?] = []
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
      let numbers = NumericSummary(column)
      means.append(numbers.map { MetaCommand.statistic($0.mean) })
      deviations.append(numbers?.standardDeviation.map(MetaCommand.statistic))
      lowerQuartiles.append(numbers.map { MetaCommand.statistic($0.lowerQuartile) })
      medians.append(numbers.map { MetaCommand.statistic($0.median) })
      upperQuartiles.append(numbers.map { MetaCommand.statistic($0.upperQuartile) })
      examples.append(
        summary.examples.isEmpty ? nil : summary.examples.map(\.description).joined(separator: ", "))
    }
    var footer =
      ["\(name): \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows")"]
      + (entry.map { ["source: \($0.describedSource)"] } ?? [])
    if entry == nil && !inputs.isEmpty { footer.append("source: " + inputs.map(\.sourceLine).joined(separator: "; ")) }
    if entry?.provenance.illustrative == true || inputs.contains(where: \.provenance.illustrative) {
      footer.append(Session.illustrativeNotice)
    }
    var columns: [(String, Column)] = [
      ("column", .string(StringColumn(table.schema.names))),
      ("type", .string(StringColumn(types))),
    ]
    if manifest != nil { columns.append(("unit", .string(StringColumn(units)))) }
    columns += MetaCommand.describeStatistics(
      nulls: nulls.finish(), distinct: distinct.finish(), minimums: minimums, maximums: maximums, means: means,
      deviations: deviations, lowerQuartiles: lowerQuartiles, medians: medians, upperQuartiles: upperQuartiles)
    columns.append(manifest == nil ? ("examples", .string(StringColumn(examples))) : ("meaning", .string(StringColumn(meanings))))
    // min and max hold numbers and text: numbers are right-aligned like in any numeric column.
    let numbersRight = Set(columns.indices.filter { columns[$0].0 == "min" || columns[$0].0 == "max" })
    session.show(Table(columns), footer: footer, numbersRight: numbersRight)
  }
}

extension MetaCommand {
  /// A summary statistic as `.describe` shows it: 2 decimals from 1 up (355.17), else 3
  /// significant digits (0.0123), so a column of them stays narrow.
  static func statistic(_ value: Double) -> Double {
    guard value.isFinite, value != 0 else { return value }
    let decimals = value.magnitude >= 1 ? 2 : 2 - Int(Glibc.floor(Glibc.log10(value.magnitude)))
    let scale = pow10(decimals)
    return (value * scale).rounded() / scale
  }

  /// 10 to the power `n`.
  static func pow10(_ n: Int) -> Double {
    var result = 1.0
    for _ in 0..<max(0, n) { result *= 10 }
    return result
  }

  /// `.describe`'s statistics columns in their order, for local and engine tables alike.
  static func describeStatistics(
    nulls: Int64Column, distinct: Int64Column, minimums: [String?], maximums: [String?], means: [Double?],
    deviations: [Double?], lowerQuartiles: [Double?], medians: [Double?], upperQuartiles: [Double?]
  ) -> [(String, Column)] {
    [
      ("nulls", .int64(nulls)),
      ("distinct", .int64(distinct)),
      ("min", .string(StringColumn(minimums))),
      ("max", .string(StringColumn(maximums))),
      ("mean", doubles(means)),
      ("sd", doubles(deviations)),
      ("q1", doubles(lowerQuartiles)),
      ("median", doubles(medians)),
      ("q3", doubles(upperQuartiles)),
    ]
  }

  /// A double column of `values`, nil as null.
  static func doubles(_ values: [Double?]) -> Column {
    var builder = PrimitiveColumnBuilder<Double>(placeholder: 0)
    for value in values {
      if let value { builder.append(value) } else { builder.appendNull() }
    }
    return .double(builder.finish())
  }
}
