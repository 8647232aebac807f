import TrappeStorage
import TrappeQuery

/// `gap … cohort ci` (or `.ci on`): the 95 % interval of each cohort value.
///
/// i_gang (persons who started / the cohort's persons): the Wilson score interval. The shares of
/// person-weeks (selvforsoergende, aktivering): Wilson with the effective n = the smaller of the
/// cohort's persons and person-weeks / 52, and x = share · n, since the weeks of one person are correlated.
extension CohortGapOperator {
  /// value_lo and value_hi after the other columns.
  var intervalPlanColumns: [PlanColumn] {
    intervals ? [PlanColumn(name: "value_lo", type: .double), PlanColumn(name: "value_hi", type: .double)] : []
  }

  /// The interval of one row, in % (nil where the value is NULL).
  static func interval(of row: CohortGapCell) -> RateInterval? {
    guard let numerator = row.numerator, let denominator = row.denominator, denominator > 0 else { return nil }
    let x = Double(numerator)
    let n = Double(denominator)
    let w: RateInterval?
    if CohortDefinition.unit(of: row.target) == "persons" {
      w = RateInterval.wilson(successes: x, trials: n)
    } else {
      let effective = min(Double(row.persons ?? 0), n / RateIntervalMethod.weeksPerObservation)
      w = effective > 0 ? RateInterval.wilson(successes: x / n * effective, trials: effective) : nil
    }
    return w.map { RateInterval(low: 100 * $0.low, high: 100 * $0.high) }
  }

  /// value_lo and value_hi of `rows`.
  func intervalColumns(_ rows: [CohortGapCell]) -> [(String, Column)] {
    let intervals = rows.map(CohortGapOperator.interval(of:))
    return [
      ("value_lo", GapOperator.doubles(intervals.map { $0?.low })),
      ("value_hi", GapOperator.doubles(intervals.map { $0?.high })),
    ]
  }

  /// The footer lines naming the methods.
  func intervalNotes() -> [String] {
    [
      "ci (95 %): value_lo/value_hi for persons (i_gang) by the Wilson score interval on numerator of denominator; "
        + "for person-weeks (selvforsoergende, aktivering) by Wilson with an effective n = min(the cohort's persons, person-weeks / 52) and x = value/100 · n, "
        + "since weeks of one person are correlated (with weeks as n the interval would be far too narrow)",
      "ci: met compares the value itself with the threshold; when the threshold lies between value_lo and value_hi, the cohort's standing cannot be told from sampling noise",
    ]
  }
}
