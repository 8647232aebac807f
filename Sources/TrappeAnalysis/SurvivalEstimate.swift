#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Kaplan–Meier with Greenwood 95 % intervals, the median with its interval, and the
/// Aalen–Johansen cumulative incidence per cause, from subjects observed in whole weeks
/// with delayed entry.
///
/// A subject enters after `entry` weeks (0 unless its spell began before observation) and
/// leaves after `duration` weeks, by an event of cause k ≥ 1 or censored (cause 0); it is at
/// risk at week t when entry < t ≤ duration. With n(t) at risk and d(t) = Σ_k d_k(t) events:
/// - S(t) = Π_{s ≤ t} (1 − d(s)/n(s)) (exits before censorings at a tie);
/// - Greenwood: V(t) = Σ_{s ≤ t} d(s) / (n(s)(n(s) − d(s))), a term with n = d counted as 0;
/// - the 95 % interval on the log(−log) scale (the exponential Greenwood form, as lifelines'
///   `KaplanMeierFitter`): exp(−exp(log(−log S) ± z·√V / |log S|)), z = Φ⁻¹(0.975); [1, 1]
///   while S = 1 and [0, 0] once S = 0;
/// - the median: the first t with S(t) ≤ 0.5; its interval (Brookmeyer–Crowley read off the
///   bands, as lifelines' `median_survival_times(confidence_interval_)`): the first t where the
///   lower band, and the first t where the upper band, is ≤ 0.5 (nil: not reached);
/// - cumulative incidence (Aalen–Johansen): F_k(t) = Σ_{s ≤ t} S(s − 1)·d_k(s)/n(s), so that
///   Σ_k F_k(t) + S(t) = 1 at every t.
struct SurvivalEstimate {
  /// Φ⁻¹(0.975), the 95 % two-sided normal quantile (scipy's `norm.ppf(0.975)`).
  static let z = 1.959963984540054

  /// The longest duration, event or censored (0 without subjects).
  let longest: Int
  /// `atRisk[t]`, t = 0 ... longest: subjects at risk at week t (t = 0: those entering at 0).
  let atRisk: [Int]
  /// `events[t]`: events of any cause after exactly t weeks.
  let events: [Int]
  /// `survival[t]` = S(t).
  let survival: [Double]
  /// `greenwood[t]` = V(t), the Greenwood sum.
  let greenwood: [Double]
  /// `incidence[k − 1][t]` = F_k(t), the cumulative incidence of cause k.
  let incidence: [[Double]]
  /// The number of subjects (those with entry < duration).
  let subjects: Int

  /// Estimates from counts indexed by week: `exits[k − 1][d]` subjects left by cause k after
  /// d weeks, `censored[d]` were censored after d weeks, `entries[e]` entered after e weeks
  /// (nil: everyone at 0). Index 0 of `exits` and `censored` is ignored.
  init(exits: [ArraySlice<Int>], censored: ArraySlice<Int>, entries: ArraySlice<Int>? = nil) {
    let censored = Array(censored)
    let exits = exits.map { Array($0) }
    let width = censored.count
    var longest = 0
    var total = [Int](repeating: 0, count: width)
    for cause in exits { for d in 1..<min(width, cause.count) { total[d] += cause[d] } }
    for d in stride(from: width - 1, through: 1, by: -1) where total[d] + censored[d] > 0 {
      longest = d
      break
    }
    var entering = [Int](repeating: 0, count: longest + 1)
    if let entries {
      for (offset, count) in entries.enumerated() where offset < longest { entering[offset] += count }
    } else {
      var leaving = 0
      for d in 1..<max(1, longest + 1) { leaving += total[d] + censored[d] }
      entering[0] = leaving
    }
    var atRisk = [Int](repeating: 0, count: longest + 1)
    var survival = [Double](repeating: 1, count: longest + 1)
    var greenwood = [Double](repeating: 0, count: longest + 1)
    var incidence = [[Double]](repeating: [Double](repeating: 0, count: longest + 1), count: exits.count)
    var inside = 0
    atRisk[0] = entering[0]
    for t in stride(from: 1, through: longest, by: 1) {
      // At risk at t: entered before t (entry < t) and not yet left (duration ≥ t).
      inside += entering[t - 1]
      if t >= 2 { inside -= total[t - 1] + censored[t - 1] }
      let n = inside
      let d = total[t]
      atRisk[t] = n
      let before = survival[t - 1]
      survival[t] = n > 0 ? before * (1 - Double(d) / Double(n)) : before
      greenwood[t] = greenwood[t - 1] + (n > d && d > 0 ? Double(d) / (Double(n) * Double(n - d)) : 0)
      for cause in exits.indices {
        let dk = t < exits[cause].count ? exits[cause][t] : 0
        incidence[cause][t] = incidence[cause][t - 1] + (n > 0 ? before * Double(dk) / Double(n) : 0)
      }
    }
    self.longest = longest
    self.atRisk = atRisk
    events = Array(total.prefix(longest + 1)) + [Int](repeating: 0, count: max(0, longest + 1 - width))
    self.survival = survival
    self.greenwood = greenwood
    self.incidence = incidence
    subjects = entering.reduce(0, +)
  }

  /// Estimates from one value per subject: `durations[i]` weeks, `causes[i]` (0 = censored,
  /// 1 ... causeCount = the cause of the event), `entries[i]` weeks before entry (nil: all 0).
  /// Subjects with a duration not above their entry are left out.
  init(durations: [Int], causes: [Int], entries: [Int]? = nil, causeCount: Int = 1) {
    let width = (durations.max() ?? 0) + 2
    var exits = [[Int]](repeating: [Int](repeating: 0, count: width), count: causeCount)
    var censored = [Int](repeating: 0, count: width)
    var entering = [Int](repeating: 0, count: width)
    for i in durations.indices {
      let entry = entries?[i] ?? 0
      guard durations[i] > entry, entry >= 0 else { continue }
      entering[entry] += 1
      if causes[i] == 0 { censored[durations[i]] += 1 } else { exits[causes[i] - 1][durations[i]] += 1 }
    }
    self.init(exits: exits.map { $0[...] }, censored: censored[...], entries: entering[...])
  }

  /// S(t); nil after the longest duration when that subject was censored.
  func survival(at t: Int) -> Double? {
    if t <= longest { return survival[max(0, t)] }
    return (survival.last ?? 1) > 0 ? nil : 0
  }

  /// The 95 % interval on S(t) (log(−log) Greenwood); nil where S(t) is.
  func interval(at t: Int) -> (lower: Double, upper: Double)? {
    guard let s = survival(at: t) else { return nil }
    if s >= 1 { return (1, 1) }
    if s <= 0 { return (0, 0) }
    let v = greenwood[min(max(0, t), longest)]
    let logS = log(s)
    let spread = Self.z * v.squareRoot() / -logS
    let centre = log(-logS)
    return (exp(-exp(centre + spread)), exp(-exp(centre - spread)))
  }

  /// F_k(t) for cause k ≥ 1; nil where S(t) is.
  func incidence(of cause: Int, at t: Int) -> Double? {
    guard survival(at: t) != nil else { return nil }
    return incidence[cause - 1][min(max(0, t), longest)]
  }

  /// The median: the first week with S ≤ 0.5; nil when not reached.
  var median: Int? { survival.firstIndex { $0 <= 0.5 } }

  /// The 95 % interval of the median: the first weeks where the lower and the upper band are
  /// ≤ 0.5 (nil: not reached).
  var medianInterval: (lower: Int?, upper: Int?) {
    var lower: Int?
    var upper: Int?
    for t in 0...longest {
      guard let band = interval(at: t) else { break }
      if lower == nil, band.lower <= 0.5 { lower = t }
      if upper == nil, band.upper <= 0.5 { upper = t }
      if lower != nil, upper != nil { break }
    }
    return (lower, upper)
  }
}
