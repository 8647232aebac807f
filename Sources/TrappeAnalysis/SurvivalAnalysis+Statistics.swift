/// The footer lines `survival` writes for its intervals, medians and the log-rank test.
extension SurvivalAnalysis {
  /// How the interval columns are computed.
  static let intervalNote =
    "still_on_lo/hi: 95 % interval, Greenwood on the log(−log) scale, in %"

  /// The line under a group's median: its 95 % interval (Brookmeyer–Crowley, read off the
  /// bands: the first weeks where the lower and the upper band are ≤ 50 %); none when even the
  /// lower band stays above 50 %.
  static func medianIntervalNotes(_ estimate: SurvivalEstimate) -> [String] {
    let bounds = estimate.medianInterval
    guard let lower = bounds.lower else { return [] }
    return ["  95 % CI of the median: \(lower)–" + (bounds.upper.map { "\($0) weeks" } ?? "not reached")]
  }

  /// The footer lines of the log-rank test between the groups of `by` (none for one group).
  static func logRankNotes(_ estimates: [SurvivalEstimate], by: String) -> [String] {
    let tested = estimates.filter { $0.subjects > 0 }.count
    guard tested >= 2 else { return [] }
    guard let test = LogRankTest(estimates) else {
      return ["log-rank test by \(by): not computed (\(tested) groups; at most \(LogRankTest.groupLimit), each at risk at an exit)"]
    }
    let p = test.pValue
    let pText = p < 0.0001 ? "< 0.0001" : "= " + Self.decimal(p, places: 4)
    return [
      "log-rank test by \(by): chi² = \(Self.decimal(test.statistic, places: 6)), df = \(test.degreesOfFreedom), p \(pText)",
      "  (H0: the \(tested) curves are equal; spells, not persons, are the units)",
    ]
  }

  /// `value` with `places` decimals (plain ASCII digits, no grouping).
  static func decimal(_ value: Double, places: Int) -> String {
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    var fraction = String(Int(scaled - Double(whole) * scale))
    while fraction.count < places { fraction = "0" + fraction }
    return (value < 0 && scaled > 0 ? "-" : "") + "\(whole)" + (places > 0 ? "." + fraction : "")
  }
}
