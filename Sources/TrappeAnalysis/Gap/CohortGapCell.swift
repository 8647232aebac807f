import TrappeStorage

/// One output row of `gap … cohort`: a municipality's cohort on one target at one cut-off.
struct CohortGapCell: Sendable, Equatable {
  var kommune: String
  /// The round (with `by runde`).
  var round: Int64?
  var target: String
  /// The last week counted.
  var cutOff: Period
  var numerator: Int64?
  var denominator: Int64?
  /// 100 × numerator / denominator; nil when the denominator is 0 or the cut-off is outside the data.
  var value: Double?
  var threshold: Double
  var gap: Double?
  var met: Bool?
  /// Persons or person-weeks short, rounded up; 0 when met.
  var short: Int64?
  /// The value's change per month since the cut-off before (percentage points).
  var pace: Double?
  /// Months until met at that pace; 0 when met.
  var months: Int64?
  /// met, approaching, moving away or flat.
  var trend: String?
  /// Whether the cut-off is after the target date.
  var afterTarget: Bool?
  /// Persons in the municipality's cohort (the effective n of the person-weeks targets' intervals).
  var persons: Int64? = nil
}
