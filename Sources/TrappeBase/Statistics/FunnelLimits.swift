import Glibc

/// Control limits of a funnel plot for a share around a pooled share.
///
/// For a unit with denominator n the limits are p0 ± z·√(p0(1−p0)/n) (the normal
/// approximation to the binomial), with p0 the pooled share (Σ numerators / Σ denominators)
/// and z = 1.959964 (95 %, two-sided) or 3.090232 (99.8 %). Shares are in `scale` units
/// (100 for percentages, 1 for proportions); limits are clipped to [0, scale].
/// Overdispersion between units (Spiegelhalter 2005) is not adjusted for: with real
/// between-unit variation more units fall outside than the nominal 5 % and 0.2 %.
package struct FunnelLimits: Sendable, Equatable {
  /// The pooled share, in `scale` units.
  package var pooled: Double
  /// 100 for percentages, 1 for proportions.
  package var scale: Double

  /// z for two-sided 95 % limits.
  package static let z95 = 1.959964
  /// z for two-sided 99.8 % limits.
  package static let z998 = 3.090232

  package init(pooled: Double, scale: Double) {
    self.pooled = pooled
    self.scale = scale
  }

  /// The lower and upper limit for denominator `n` at `z`, clipped to [0, scale]; nil when n ≤ 0.
  package func limits(n: Double, z: Double) -> (low: Double, high: Double)? {
    guard n > 0, n.isFinite, scale > 0 else { return nil }
    let p = pooled / scale
    let half = z * Glibc.sqrt(Swift.max(0, p * (1 - p)) / n)
    return (Swift.max(0, p - half) * scale, Swift.min(1, p + half) * scale)
  }

  /// Where `value` with denominator `n` lies: "above 99.8 %", "above 95 %", "inside",
  /// "below 95 %" or "below 99.8 %" (nil when n ≤ 0 or the value is missing).
  package func band(value: Double?, n: Double?) -> String? {
    guard let value, let n, let outer = limits(n: n, z: Self.z998), let inner = limits(n: n, z: Self.z95) else {
      return nil
    }
    if value > outer.high { return "above 99.8 %" }
    if value > inner.high { return "above 95 %" }
    if value < outer.low { return "below 99.8 %" }
    if value < inner.low { return "below 95 %" }
    return "inside"
  }
}
