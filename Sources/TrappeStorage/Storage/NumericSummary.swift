/// The mean, standard deviation and quartiles of a numeric column's non-null values, as
/// `.describe` shows them.
///
/// The standard deviation is the sample one (divided by n − 1; nil for fewer than two
/// values); quartiles interpolate linearly between order statistics (R's type 7, numpy's
/// default): the p-quantile of sorted x₀…xₙ₋₁ is at position p·(n − 1).
package struct NumericSummary: Sendable, Equatable {
  package var mean: Double
  package var standardDeviation: Double?
  package var lowerQuartile: Double
  package var median: Double
  package var upperQuartile: Double

  /// The summary of `column`, or nil when it is not numeric or has no non-null finite value.
  package init?(_ column: Column) {
    var values: [Double] = []
    switch column {
    case .int64(let c):
      values.reserveCapacity(c.count)
      let wide = c.widenedValues()
      for row in 0..<c.count where c.validity.isValid(row) { values.append(Double(wide[row])) }
    case .double(let c):
      values.reserveCapacity(c.count)
      for row in 0..<c.count where c.validity.isValid(row) && c.values[row].isFinite { values.append(c.values[row]) }
    default:
      return nil
    }
    guard !values.isEmpty else { return nil }
    values.sort()
    let n = Double(values.count)
    // Two passes, so that the deviations are taken from the exact mean.
    let mean = values.reduce(0, +) / n
    self.mean = mean
    if values.count > 1 {
      let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
      standardDeviation = (squares / (n - 1)).squareRoot()
    }
    lowerQuartile = NumericSummary.quantile(values, 0.25)
    median = NumericSummary.quantile(values, 0.5)
    upperQuartile = NumericSummary.quantile(values, 0.75)
  }

  /// The `p`-quantile of ascending `sorted` (type 7).
  static func quantile(_ sorted: [Double], _ p: Double) -> Double {
    let position = p * Double(sorted.count - 1)
    let below = Int(position.rounded(.down))
    let above = min(below + 1, sorted.count - 1)
    let fraction = position - Double(below)
    return sorted[below] + (sorted[above] - sorted[below]) * fraction
  }
}
