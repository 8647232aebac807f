import TrappeStorage

/// One data cut-off of `gap … cohort`: the round (with `by runde`), the last month of data and its last week.
struct CohortCutOff: Sendable, Equatable {
  /// The round in `runder`; nil for the standing at the target date (no `by`).
  var round: Int64?
  /// The round's month in `runder` (nil without `by`).
  var roundMonth: Period?
  /// The last month of data: `runder.data_til`, the round's month minus `lag`, or the target month.
  var dataTil: Period
  /// The last week counted: ``CohortDefinition/lastWeek(of:)`` of `dataTil`.
  var week: Period

  init(round: Int64?, roundMonth: Period?, dataTil: Period) {
    self.round = round
    self.roundMonth = roundMonth
    self.dataTil = dataTil
    self.week = CohortDefinition.lastWeek(of: dataTil)
  }
}
