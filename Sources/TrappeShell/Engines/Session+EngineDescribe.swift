import TrappeBase
import TrappeQuery
import TrappeStorage

extension Session {
  /// `.describe PREFIX.TABLE`: the statistics `.describe` shows, computed by one query on the
  /// engine (one summarize over the table, compiled to its dialect), so the rows stay there.
  func describeOnEngine(_ name: String, word: CommandWord, invocation: MetaInvocation) throws(Diagnostic) {
    guard let engine, let table = try engine.table(name, datasets: datasets) else {
      throw invocation.error("no table named '\(name)' on the engine", at: word)
    }
    var parts: [String] = []
    for (index, field) in table.schema.fields.enumerated() {
      let c = Identifier.quoted(field.name)
      parts += ["nn\(index) = count(\(c))", "d\(index) = count_distinct(\(c))", "lo\(index) = min(\(c))", "hi\(index) = max(\(c))"]
      if field.type.isNumeric {
        parts += [
          "m\(index) = avg(\(c))", "sd\(index) = stdev(\(c))", "q1_\(index) = percentile(\(c), 25)",
          "q2_\(index) = median(\(c))", "q3_\(index) = percentile(\(c), 75)",
        ]
      }
    }
    let text = "\(name) | summarize n = count(), " + parts.joined(separator: ", ")
    let source = SourceText(text)
    let statement: Statement
    do throws(LanguageError) {
      statement = try QueryParser.parse(text)
    } catch {
      throw error.diagnostic(in: source)
    }
    guard case .pipeline(let pipeline) = statement else { return }
    let outcome = try evaluate(pipeline, source: source)
    let row = outcome.table
    func value(_ column: String) -> Value { row.column(named: column).map { $0.value(at: 0) } ?? .null }
    func number(_ column: String) -> Double? {
      switch value(column) {
      case .double(let d): return MetaCommand.statistic(d)
      case .int64(let i): return Double(i)
      default: return nil
      }
    }
    let total: Int64 = if case .int64(let n) = value("n") { n } else { 0 }
    var types: [String?] = []
    var nulls = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var distinct = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    var minimums: [String?] = []
    var maximums: [String?] = []
    var means: [Double?] = []
    var deviations: [Double?] = []
    var lower: [Double?] = []
    var medians: [Double?] = []
    var upper: [Double?] = []
    for (index, field) in table.schema.fields.enumerated() {
      if case .period(let periods) = table.columns[index] {
        types.append("period(\(periods.unit.name))")
      } else {
        types.append(field.type.name)
      }
      let present: Int64 = if case .int64(let n) = value("nn\(index)") { n } else { 0 }
      nulls.append(total - present)
      if case .int64(let d) = value("d\(index)") { distinct.append(d) } else { distinct.appendNull() }
      let lo = value("lo\(index)")
      let hi = value("hi\(index)")
      minimums.append(lo.isNull ? nil : lo.description)
      maximums.append(hi.isNull ? nil : hi.description)
      means.append(number("m\(index)"))
      deviations.append(number("sd\(index)"))
      lower.append(number("q1_\(index)"))
      medians.append(number("q2_\(index)"))
      upper.append(number("q3_\(index)"))
    }
    let columns: [(String, Column)] =
      [("column", .string(StringColumn(table.schema.names))), ("type", .string(StringColumn(types)))]
      + MetaCommand.describeStatistics(
        nulls: nulls.finish(), distinct: distinct.finish(), minimums: minimums, maximums: maximums, means: means,
        deviations: deviations, lowerQuartiles: lower, medians: medians, upperQuartiles: upper)
    var footer = ["\(name): \(total) \(total == 1 ? "row" : "rows")", "source: \(engine.description), computed there"]
    if outcome.illustrative { footer.append(Session.illustrativeNotice) }
    let numbersRight = Set(columns.indices.filter { columns[$0].0 == "min" || columns[$0].0 == "max" })
    show(Table(columns), footer: footer, numbersRight: numbersRight)
  }
}
