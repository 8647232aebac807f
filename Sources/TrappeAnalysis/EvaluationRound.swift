import TrappeBase
import TrappeStorage

/// One evaluation round as `runder` records it: its number, its month and the last month of data
/// it had (`data_til`, when the table has that column).
///
/// The one reader of `runder` for the analyses: flow's round points, `gap … cohort`'s cut-offs and
/// the footer of `gap … by runde` all take their rounds from here.
struct EvaluationRound: Sendable, Equatable {
  var round: Int64
  /// `runder.maaned`.
  var month: Period
  /// `runder.data_til`; nil when the table has no such column or the row leaves it empty.
  var dataTil: Period?

  /// The rounds of a `runder`-shaped table in round order, or nil when it lacks the columns
  /// `runde` (integer) and `maaned` (a month).
  static func all(in runder: Table) -> [EvaluationRound]? {
    guard case .int64(let rounds)? = runder.column(named: "runde"),
      case .period(let months)? = runder.column(named: "maaned"), months.unit == .month
    else { return nil }
    var dataTil: PeriodColumn?
    if case .period(let column)? = runder.column(named: "data_til"), column.unit == .month { dataTil = column }
    var result: [EvaluationRound] = []
    for row in 0..<runder.rowCount {
      guard let round = rounds[row], let month = months[row] else { continue }
      result.append(EvaluationRound(round: round, month: month, dataTil: dataTil?[row]))
    }
    return result.sorted { $0.round < $1.round }
  }

  /// The rounds of the session's `runder`, with an error at `range` when it lacks the columns.
  static func read(context: AnalysisContext, at range: SourceRange) throws(Diagnostic) -> [EvaluationRound] {
    let runder = try context.table("runder", at: range)
    guard let rounds = all(in: runder) else {
      throw context.error("the table 'runder' needs the columns runde and maaned (a month)", at: range)
    }
    return rounds
  }
}
