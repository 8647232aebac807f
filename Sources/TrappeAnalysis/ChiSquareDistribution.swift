#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The upper tail of the chi-square distribution, for the p-value of a test statistic.
enum ChiSquareDistribution {
  /// P(X ≥ x) for X ~ χ²(df): the regularized upper incomplete gamma Q(df/2, x/2), by its
  /// series below a + 1 and its continued fraction (modified Lentz) above (Numerical Recipes
  /// §6.2), to about 1e-14 relative.
  static func upperTail(_ x: Double, degreesOfFreedom df: Int) -> Double {
    guard df > 0, x > 0 else { return 1 }
    let a = Double(df) / 2
    let y = x / 2
    let logPrefix = -y + a * log(y) - lgamma(a)
    if y < a + 1 {
      var term = 1 / a
      var sum = term
      var n = a
      for _ in 0..<10_000 {
        n += 1
        term *= y / n
        sum += term
        if abs(term) < abs(sum) * 1e-16 { break }
      }
      return max(0, 1 - sum * exp(logPrefix))
    }
    let tiny = 1e-300
    var b = y + 1 - a
    var c = 1 / tiny
    var d = 1 / b
    var h = d
    for i in 1..<10_000 {
      let an = -Double(i) * (Double(i) - a)
      b += 2
      d = an * d + b
      if abs(d) < tiny { d = tiny }
      c = b + an / c
      if abs(c) < tiny { c = tiny }
      d = 1 / d
      let delta = d * c
      h *= delta
      if abs(delta - 1) < 1e-16 { break }
    }
    return exp(logPrefix) * h
  }
}
