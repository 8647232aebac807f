
/// The five numbers of a box plot with Tukey whiskers, for one group of values.
struct BoxSummary: Sendable, Equatable {
  var count: Int
  var min: Double
  var q1: Double
  var median: Double
  var q3: Double
  var max: Double
  /// The most extreme values within 1.5·IQR of the box.
  var whiskerLow: Double
  var whiskerHigh: Double
  /// Values beyond the whiskers, ascending.
  var outliers: [Double]

  /// The summary of `values` (non-finite values ignored); nil when none are left.
  init?(_ values: [Double]) {
    let sorted = values.filter { $0.isFinite }.sorted()
    guard let first = sorted.first, let last = sorted.last,
      let q1 = DistributionStats.quantile(sorted, 0.25),
      let median = DistributionStats.quantile(sorted, 0.5),
      let q3 = DistributionStats.quantile(sorted, 0.75)
    else { return nil }
    count = sorted.count
    min = first
    max = last
    self.q1 = q1
    self.median = median
    self.q3 = q3
    let reach = 1.5 * (q3 - q1)
    let inside = sorted.filter { $0 >= q1 - reach && $0 <= q3 + reach }
    whiskerLow = inside.first ?? q1
    whiskerHigh = inside.last ?? q3
    outliers = sorted.filter { $0 < q1 - reach || $0 > q3 + reach }
  }
}
