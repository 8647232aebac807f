/// The Kaplan–Meier estimate of the share still in a state after each week of duration, with
/// right censoring and delayed entry (left truncation).
///
/// Each subject has a duration `d` in weeks (1 and up), whether it ended in the event (else it
/// was censored after `d` weeks) and an entry `e` (0 ≤ e < d): the weeks it had already lasted
/// when observation began. A subject is at risk in week `t` of duration when `e < t ≤ d` (R's
/// `Surv(e, d, event)`; in lifelines, `entry = e + 0.5` gives the same risk sets). So
/// `atRisk[t]` = subjects with `e < t ≤ d`, and at a tie exits come before censorings (a subject
/// censored at `t` is still at risk at `t`). `S(t) = Π over u ≤ t of (1 − exits[u] / atRisk[u])`;
/// a week with nobody at risk leaves S unchanged.
struct KaplanMeier {
  /// `survival[t]` = S(t) for t = 0 ... the longest duration.
  let survival: [Double]
  /// `atRisk[t]` = subjects at risk in week t (e < t ≤ d), t = 0 ... the longest duration + 1
  /// (`atRisk[0]` = all subjects).
  let atRisk: [Int]
  /// `exitsAt[t]` = events after exactly t weeks, t = 0 ... the longest duration.
  let exitsAt: [Int]
  /// `cumulativeExits[t]` = exits after at most t weeks.
  let cumulativeExits: [Int]
  /// The number of subjects (spells or persons).
  let spells: Int
  /// The number of censored subjects.
  let censoredCount: Int
  /// The number of subjects entering late (entry > 0).
  let delayedCount: Int
  /// The longest duration, exit or censored (0 without subjects).
  let longest: Int

  /// Estimates from one (duration, event, entry) per subject; durations below 1 and entries
  /// outside `0..<duration` must be left out by the caller.
  init(durations: [Int], events: [Bool], entries: [Int]) {
    let longest = durations.max() ?? 0
    var exits = [Int](repeating: 0, count: longest + 1)
    var censored = [Int](repeating: 0, count: longest + 1)
    var entered = [Int](repeating: 0, count: longest + 1)
    for i in durations.indices {
      if events[i] { exits[durations[i]] += 1 } else { censored[durations[i]] += 1 }
      entered[entries[i]] += 1
    }
    self.init(exits: exits[...], censored: censored[...], entered: entered[...])
  }

  /// Estimates from counts indexed by duration (index 0 is ignored; both arrays equally long),
  /// every subject observed from duration 0.
  init(exits: ArraySlice<Int>, censored: ArraySlice<Int>) {
    var entered = [Int](repeating: 0, count: exits.count)
    if !entered.isEmpty { entered[0] = exits.reduce(0, +) + censored.reduce(0, +) }
    self.init(exits: exits, censored: censored, entered: entered[...])
  }

  /// Estimates from counts indexed by duration: `entered[e]` subjects with entry e.
  init(exits: ArraySlice<Int>, censored: ArraySlice<Int>, entered: ArraySlice<Int>) {
    let exits = Array(exits)
    let censored = Array(censored)
    let entered = Array(entered)
    var longest = 0
    for d in stride(from: exits.count - 1, through: 1, by: -1) where exits[d] + censored[d] > 0 {
      longest = d
      break
    }
    let total = entered.reduce(0, +)
    var atRisk = [Int](repeating: 0, count: longest + 2)
    atRisk[0] = total
    // At risk in week t: entered before t (entry ≤ t − 1) minus removed before t (duration ≤ t − 1).
    var running = 0
    for t in stride(from: 1, through: longest + 1, by: 1) {
      running += (t - 1 < entered.count ? entered[t - 1] : 0)
      if t - 1 >= 1 { running -= exits[t - 1] + censored[t - 1] }
      atRisk[t] = running
    }
    var survival = [Double](repeating: 1, count: longest + 1)
    var cumulative = [Int](repeating: 0, count: longest + 1)
    var exitCounts = [Int](repeating: 0, count: longest + 1)
    for t in stride(from: 1, through: longest, by: 1) {
      let n = atRisk[t]
      exitCounts[t] = exits[t]
      survival[t] = n > 0 ? survival[t - 1] * (1 - Double(exits[t]) / Double(n)) : survival[t - 1]
      cumulative[t] = cumulative[t - 1] + exits[t]
    }
    self.survival = survival
    self.atRisk = atRisk
    exitsAt = exitCounts
    cumulativeExits = cumulative
    spells = total
    censoredCount = censored.reduce(0, +)
    delayedCount = total - (entered.first ?? 0)
    self.longest = longest
  }

  /// S(t); nil after the longest duration when that spell was censored (the estimate is undefined there).
  func survival(at t: Int) -> Double? {
    if t <= longest { return survival[max(0, t)] }
    let last = survival[longest]
    return last > 0 ? nil : 0
  }

  /// Subjects at risk in week t + 1 (still running after `t` weeks and already observed).
  func atRisk(after t: Int) -> Int {
    t + 1 < atRisk.count ? atRisk[max(0, t + 1)] : 0
  }

  /// Exits after more than `after` and at most `through` weeks.
  func exits(after: Int, through: Int) -> Int {
    let upper = cumulativeExits[min(max(0, through), longest)]
    let lower = cumulativeExits[min(max(0, after), longest)]
    return upper - lower
  }

  /// The median duration: the first week where S ≤ 0.5; nil when not reached.
  var median: Int? {
    survival.firstIndex { $0 <= 0.5 + 1e-12 }
  }
}
