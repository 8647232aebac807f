import TrappeStorage

/// One target of `gap … cohort`: a row of `maal` (one of the three Ny Chance targets) with its dates.
struct CohortTarget: Sendable, Equatable {
  /// The `maal_id`: i_gang, selvforsoergende or aktivering.
  var id: String
  var comparison: GapComparison
  /// The threshold in % (`taerskel`).
  var threshold: Double
  /// The first part of `kilde`, for the notes.
  var source: String
  /// The target date: the last month of the effort period (`maal.indsats_til`), if maal has it.
  var targetMonth: Period?
  /// The first month of the effort period (`maal.indsats_fra`), if maal has it.
  var effortStart: Period?

  /// The last week of the target month: results with a later cut-off are after the target date.
  var targetWeek: Period? { targetMonth.map(CohortDefinition.lastWeek(of:)) }
}
