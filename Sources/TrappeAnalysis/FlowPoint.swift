import TrappeBase
import TrappeStorage
import TrappeQuery

/// One end of `flow from A to B`: a round, an ISO week or a month, resolved to one ISO week.
///
/// A round (1–5) stands for the data the round had: the last ISO week of its `data_til` month in
/// `runder` (the DREAM lag: two months before the round), or the week containing the 15th of the
/// round's month when `runder` has no `data_til`; a month stands for the ISO week that contains its 15th, so `2008-03` is
/// 2008W11.
struct FlowPoint: Sendable, Equatable {
  /// The week whose statuses are compared.
  let week: Period
  /// How the point was written, for notes: `round 1, 2007-09, data to 2007-07`, `2008-03`, `2008W05`.
  let label: String

  /// The week, with how it was written when that differs: `2007W37 (round 1, 2007-09)`.
  var text: String {
    label == week.description ? label : "\(week) (\(label))"
  }

  /// Resolves the value of a `from` or `to` clause.
  static func resolve(_ expression: Expression, context: AnalysisContext) throws(Diagnostic) -> FlowPoint {
    switch expression.kind {
    case .integer(let round):
      return try self.round(Int(round), at: expression.range, context: context)
    case .period(let period) where period.unit == .week:
      return FlowPoint(week: period, label: period.description)
    case .period(let period) where period.unit == .month:
      return FlowPoint(week: weekContainingFifteenth(of: period), label: period.description)
    default:
      throw context.error(
        "expected a round (1–5), a week (2008W05) or a month (2008-03)", at: expression.range,
        hints: ["e.g. flow from 1 to 5, flow from 2008W05 to 2009W05, flow from 2008-03 to 2009-03"])
    }
  }

  /// Round `round`: the last ISO week of its `data_til` month (else the week of its month's 15th).
  static func round(_ round: Int, at range: SourceRange, context: AnalysisContext) throws(Diagnostic) -> FlowPoint {
    let (month, dataTil) = try roundMonth(round, at: range, context: context)
    guard let dataTil else {
      return FlowPoint(week: weekContainingFifteenth(of: month), label: "round \(round), \(month)")
    }
    return FlowPoint(
      week: CohortDefinition.lastWeek(of: dataTil), label: "round \(round), \(month), data to \(dataTil)")
  }

  /// The month of round `round` in the `runder` table, and its `data_til` month when the table has one.
  static func roundMonth(_ round: Int, at range: SourceRange, context: AnalysisContext) throws(Diagnostic)
    -> (month: Period, dataTil: Period?)
  {
    let rounds = try EvaluationRound.read(context: context, at: range)
    if let found = rounds.first(where: { $0.round == Int64(round) }) { return (found.month, found.dataTil) }
    let listed = rounds.map { String($0.round) }.joined(separator: ", ")
    throw context.error(
      "there is no round \(round)", at: range, hints: ["the rounds in 'runder' are \(listed)"])
  }

  /// The ISO week that contains the 15th of `month`.
  static func weekContainingFifteenth(of month: Period) -> Period {
    let days = CivilDate.days(year: month.year, month: month.month ?? 1, day: 15)
    return Period(unit: .week, ordinal: Int32((days - CivilDate.referenceMonday).floorDiv(7)))
  }
}
