import TrappeStorage

/// One output row of `gap`: a municipality's standing on one target in one period.
struct GapCell: Sendable, Equatable {
  var kommune: String
  /// The period, when `by` is given.
  var period: Value?
  var target: String
  /// The measure's value; nil when the denominator is 0 or there are no rows.
  var value: Double?
  var threshold: Double
  /// value − threshold, in percentage points (the measure's unit).
  var gap: Double?
  var met: Bool?
  /// Persons (or person-weeks) short of the target, rounded up; 0 when met.
  var short: Int64?
  /// Periods until met at the current pace; 0 when met.
  var rounds: Int64?
  /// met, approaching, moving away or flat.
  var trend: String?
  /// The value's 95 % interval (``RateIntervalMethod``), shown with `ci`.
  var interval: RateInterval? = nil
}
