/// How the 95 % interval of a measure's pooled value is computed, chosen from what the measure counts.
enum RateIntervalMethod: Equatable {
  /// A share of persons (`%`, the denominator not person-weeks): Wilson on x = value/100 · n of n.
  case wilson
  /// A share of person-weeks (`%`, the denominator counts weeks): Wilson with the effective n =
  /// person-weeks / 52, as if each person-year were one person.
  case personWeeks
  /// Any other ratio (e.g. per 1000 inhabitants): the numerator a Poisson count over the denominator.
  case poisson

  /// Weeks in one effective observation of a person-weeks share.
  static let weeksPerObservation = 52.0

  /// The method for `measure`.
  init(_ measure: MeasureDefinition) {
    if measure.unit == "%" || measure.scale == 100 {
      self = measure.denominator.lowercased().contains("uger") ? .personWeeks : .wilson
    } else {
      self = .poisson
    }
  }

  /// The interval of one pooled cell with `numerator` and `denominator` (as the measure sums
  /// them), in the measure's units; nil when the denominator is 0 or the share is out of [0, 1].
  func interval(numerator: Double, denominator: Double, measure: MeasureDefinition) -> RateInterval? {
    guard denominator > 0 else { return nil }
    let value = measure.scale * numerator / denominator
    switch self {
    case .wilson, .personWeeks:
      // The share as a proportion: the value in % over 100 (y30_andel sums pct × population with scale 1).
      let share = value / 100
      let n = self == .personWeeks ? denominator / RateIntervalMethod.weeksPerObservation : denominator
      guard let w = RateInterval.wilson(successes: share * n, trials: n) else { return nil }
      return RateInterval(low: 100 * w.low, high: 100 * w.high)
    case .poisson:
      guard let p = RateInterval.poissonScore(count: numerator, exposure: denominator) else { return nil }
      return RateInterval(low: measure.scale * p.low, high: measure.scale * p.high)
    }
  }

  /// The footer line naming the method for `measure`.
  func note(_ measure: MeasureDefinition) -> String {
    switch self {
    case .wilson:
      return
        "ci (95 %): value_lo/value_hi by the Wilson score interval on the pooled share as x of n persons (n = \(measure.denominator), x = share · n), binomial sampling within each pooled cell"
    case .personWeeks:
      return
        "ci (95 %): \(measure.name) is a share of person-weeks; value_lo/value_hi by the Wilson score interval with an effective n = \(measure.denominator) / 52 (a person-year counts as one observation), since weeks of one person are correlated. "
        + "A person's share lies in [0, 1], so this bounds the variance of persons observed a whole year; with weeks as n it would be far too narrow"
    case .poisson:
      return
        "ci (95 %): value_lo/value_hi by the Poisson score interval, \(measure.numerator) a count over the exposure \(measure.denominator) (x + z²/2 ∓ z·√(x + z²/4)) / exposure · scale; overdispersion between persons is not modelled"
    }
  }
}
