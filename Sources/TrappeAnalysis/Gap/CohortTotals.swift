
/// The counts of one municipality's cohort at one cut-off, from which the three targets are computed.
struct CohortTotals: Sendable, Equatable {
  /// Persons in the cohort (on kontant- or starthjælp in the start week).
  var persons: Int64 = 0
  /// Cohort persons with a job or education spell between the start week and the cut-off.
  var started: Int64 = 0
  /// The cohort's person-weeks from the start week to the cut-off.
  var weeks: Int64 = 0
  /// Of those, weeks self-supporting (selvforsørgende or uddannelse).
  var selfWeeks: Int64 = 0
  /// Weeks on kontanthjælp, starthjælp or in aktivering.
  var supportWeeks: Int64 = 0
  /// Weeks in aktivering.
  var activationWeeks: Int64 = 0

  /// Target `id`'s numerator and denominator.
  func ratio(for id: String) -> (numerator: Int64, denominator: Int64) {
    switch id {
    case "i_gang": return (started, persons)
    case "selvforsoergende": return (selfWeeks, weeks)
    default: return (activationWeeks, supportWeeks)
    }
  }
}
