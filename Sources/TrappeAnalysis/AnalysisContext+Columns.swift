import TrappeBase
import TrappeStorage
import TrappeQuery

extension AnalysisContext {
  /// The input column an argument names (`by herkomst`), or a diagnostic with a did-you-mean hint.
  func column(_ expression: Expression, in input: [PlanColumn], for keyword: String) throws(Diagnostic) -> PlanColumn {
    guard case .column(let name, nil) = expression.kind else {
      throw error("expected a column name after 'by'", at: expression.range, hints: ["e.g. \(keyword) ... by herkomst"])
    }
    if let column = input.first(where: { $0.name == name }) { return column }
    let names = input.map(\.name)
    throw error(
      "no column named '\(name)'", at: expression.range,
      hints: ["the columns are: " + names.joined(separator: ", ")]
    ).suggesting(Suggestion.nearest(to: name, in: names))
  }

  /// Checks that the spells columns `names` exist with their types (`start_uge` a week period, ...).
  func requireSpellColumns(
    _ names: [String], in input: [PlanColumn], for spec: AnalysisSpec
  ) throws(Diagnostic) {
    for name in names {
      let expected: DataType
      switch name {
      case "start_uge", "slut_uge": expected = .period
      case "status": expected = .string
      default: expected = input.first { $0.name == name }?.type ?? .int64
      }
      guard let column = input.first(where: { $0.name == name }) else {
        throw error(
          "\(spec.keyword) needs a spells table with the column '\(name)' (like forloeb)", at: spec.keywordRange,
          hints: ["the input has: " + input.map(\.name).joined(separator: ", ")])
      }
      if column.type != expected || (expected == .period && column.unit != nil && column.unit != .week) {
        throw error(
          "\(spec.keyword) needs '\(name)' to be \(expected == .period ? "a week period" : "\(expected)")",
          at: spec.keywordRange)
      }
    }
  }

  /// A diagnostic for a clause the analysis does not take.
  func unexpectedClause(_ clause: AnalysisClause, in spec: AnalysisSpec) -> Diagnostic {
    error(
      "\(spec.keyword) does not take '\(clause.word)'", at: clause.wordRange,
      hints: ["\(spec.keyword) takes: " + Parser.usage(of: spec.keyword)])
  }

  /// Checks when the statement is bound that `measure` can be computed from `input`, so a missing
  /// column is reported with a caret at `range` (under the measure or target that needs it) rather
  /// than when the analysis runs. `subject` names it in the message: "the measure 'i_gang'".
  func requireComputable(
    _ measure: MeasureDefinition, on input: [PlanColumn], subject: String, at range: SourceRange
  ) throws(Diagnostic) {
    do throws(Diagnostic) {
      try MeasureEvaluator.check(input, measure: measure, by: [])
    } catch {
      var message = "\(subject) cannot be computed on this input: \(error.message)"
      if let column = AnalysisContext.unknownColumn(in: error.message) {
        message = "\(subject) needs the column '\(column)', which the input does not have"
      }
      throw self.error(
        message, at: range,
        hints: ["the measure: \(measure.text)"] + error.hints.filter { !$0.hasPrefix("in: ") })
    }
  }

  /// The column named in an "unknown column 'x'" message.
  static func unknownColumn(in message: String) -> String? {
    guard let start = message.firstRange(of: "unknown column '")?.upperBound else { return nil }
    let rest = message[start...]
    guard let end = rest.firstIndex(of: "'") else { return nil }
    return String(rest[..<end])
  }
}
