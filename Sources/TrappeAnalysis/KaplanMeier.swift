
/// The Kaplan–Meier estimate of the share still in a state after each week of duration.
///
/// Built from counts per duration `d` (in weeks, 1 and up): `exits[d]` spells ended
/// after `d` weeks, `censored[d]` were still running after `d` weeks when observation
/// stopped. `S(t) = Π over d ≤ t of (1 − exits[d] / atRisk[d])`, where `atRisk[d]` is
/// the number of spells lasting at least `d` weeks: at a tie, exits come before
/// censorings, so a spell censored at `d` is still at risk at `d`.
struct KaplanMeier {
  /// `survival[t]` = S(t) for t = 0 ... the longest duration.
  let survival: [Double]
  /// `atRisk[t]` = spells lasting at least t weeks, t = 0 ... the longest duration + 1.
  let atRisk: [Int]
  /// `cumulativeExits[t]` = exits after at most t weeks.
  let cumulativeExits: [Int]
  /// The number of spells.
  let spells: Int
  /// The number of censored spells.
  let censoredCount: Int
  /// The longest duration, exit or censored (0 without spells).
  let longest: Int

  /// Estimates from counts indexed by duration (index 0 is ignored; both arrays equally long).
  init(exits: ArraySlice<Int>, censored: ArraySlice<Int>) {
    let exits = Array(exits)
    let censored = Array(censored)
    var longest = 0
    for d in stride(from: exits.count - 1, through: 1, by: -1) where exits[d] + censored[d] > 0 {
      longest = d
      break
    }
    var atRisk = [Int](repeating: 0, count: longest + 2)
    for d in stride(from: longest, through: 1, by: -1) {
      atRisk[d] = atRisk[d + 1] + exits[d] + censored[d]
    }
    atRisk[0] = atRisk.count > 1 ? atRisk[1] : 0
    var survival = [Double](repeating: 1, count: longest + 1)
    var cumulative = [Int](repeating: 0, count: longest + 1)
    for t in stride(from: 1, through: longest, by: 1) {
      let n = atRisk[t]
      survival[t] = n > 0 ? survival[t - 1] * (1 - Double(exits[t]) / Double(n)) : survival[t - 1]
      cumulative[t] = cumulative[t - 1] + exits[t]
    }
    self.survival = survival
    self.atRisk = atRisk
    cumulativeExits = cumulative
    spells = atRisk[0]
    censoredCount = censored.reduce(0, +)
    self.longest = longest
  }

  /// S(t); nil after the longest duration when that spell was censored (the estimate is undefined there).
  func survival(at t: Int) -> Double? {
    if t <= longest { return survival[max(0, t)] }
    let last = survival[longest]
    return last > 0 ? nil : 0
  }

  /// Spells still running after `t` weeks (at risk in week t + 1).
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
