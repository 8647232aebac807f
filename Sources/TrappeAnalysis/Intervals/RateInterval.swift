/// A 95 % interval of a pooled rate, and the interval of a difference of such rates.
///
/// Which method depends on what the measure's numerator and denominator count
/// (``RateIntervalMethod``). Every interval is in the measure's own units (scale applied).
struct RateInterval: Equatable {
  var low: Double
  var high: Double

  /// The normal quantile of a two-sided 95 % interval, Φ⁻¹(0.975).
  static let z = 1.959963984540054

  /// The Wilson score interval of a proportion `x / n` (Wilson 1927): centre
  /// (x + z²/2) / (n + z²), half-width z·√(x(n−x)/n + z²/4) / (n + z²). Nil when n ≤ 0.
  static func wilson(successes x: Double, trials n: Double) -> RateInterval? {
    guard n > 0, x >= 0, x <= n else { return nil }
    let z2 = z * z
    let centre = (x + z2 / 2) / (n + z2)
    let half = z * (x * (n - x) / n + z2 / 4).squareRoot() / (n + z2)
    return RateInterval(low: max(0, centre - half), high: min(1, centre + half))
  }

  /// The score interval of a Poisson count `x` over an exposure `e` (the rate x / e):
  /// (x + z²/2 ∓ z·√(x + z²/4)) / e, the values of λ with |x − λe| ≤ z·√(λe). Nil when e ≤ 0.
  static func poissonScore(count x: Double, exposure e: Double) -> RateInterval? {
    guard e > 0, x >= 0 else { return nil }
    let z2 = z * z
    let half = z * (x + z2 / 4).squareRoot()
    return RateInterval(low: max(0, (x + z2 / 2 - half) / e), high: (x + z2 / 2 + half) / e)
  }

  /// The interval of `Σ sign·estimate` from the terms' own intervals, by the method of variance
  /// estimates recovery (MOVER; Zou & Donner 2008), which for the difference of two Wilson intervals is
  /// Newcombe's hybrid score interval (Newcombe 1998, method 10): lower = d − √Σ(distance to the
  /// lower end of +terms, to the upper end of −terms)², upper alike. Assumes the terms independent.
  static func combination(_ terms: [(sign: Double, estimate: Double, interval: RateInterval)]) -> (
    estimate: Double, interval: RateInterval
  ) {
    var d = 0.0
    var below = 0.0
    var above = 0.0
    for term in terms {
      d += term.sign * term.estimate
      let down = term.estimate - term.interval.low
      let up = term.interval.high - term.estimate
      if term.sign > 0 {
        below += down * down
        above += up * up
      } else {
        below += up * up
        above += down * down
      }
    }
    return (d, RateInterval(low: d - below.squareRoot(), high: d + above.squareRoot()))
  }

  /// Whether the interval leaves out zero.
  var excludesZero: Bool { low > 0 || high < 0 }
}
