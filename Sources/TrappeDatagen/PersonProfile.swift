
/// The fixed traits of one simulated person and their weekly transition probabilities.
struct PersonProfile {
  /// 0 dansk, 1 indvandrer, 2 efterkommer.
  var origin: Int
  /// Index into ``ForloebGenerator/ageGroups``.
  var age: Int
  /// The cash benefit the person receives when on benefit.
  var benefit: SpellStatus
  /// Whether the person lives in a method municipality (more activation, slightly more exits).
  var isMethod: Bool
  /// The municipality's minority employment rate relative to 50 %.
  var employment: Double

  /// Relative weekly chance of leaving benefit for work.
  var jobFactor: Double {
    let originFactor = [1.0, 0.8 * employment, 1.05 * employment][origin]
    let ageFactor = [1.2, 1.1, 1.0, 0.85, 0.6][age]
    return originFactor * ageFactor * (isMethod ? 1.05 : 1.0)
  }

  /// The status in 2007W01 from a uniform draw `u`.
  func initialState(_ u: Double) -> SpellStatus {
    if u < 0.68 { return benefit }
    if u < 0.82 { return .aktivering }
    if u < 0.92 { return .selvforsoergende }
    if u < 0.97 { return .aDagpenge }
    return .sygedagpenge
  }

  /// The weekly chance of leaving `state` in an average week (boom and downturn factors 1): the
  /// sum of ``transition(from:u:boom:downturn:)``'s edges, in the same order.
  func exitProbability(from state: SpellStatus) -> Double {
    var probe = 0.0
    var low = 0.0
    var high = 1.0
    // The largest u that still leaves: bisect on the transition itself, so the two never disagree.
    for _ in 0..<60 {
      probe = (low + high) / 2
      if transition(from: state, u: probe, boom: 1, downturn: 1) != state { low = probe } else { high = probe }
    }
    return low
  }

  /// The status next week from `state`, a uniform draw `u` and the business-cycle factors.
  func transition(from state: SpellStatus, u: Double, boom: Double, downturn: Double) -> SpellStatus {
    var edge = 0.0
    func step(_ p: Double) -> Bool {
      edge += p
      return u < edge
    }
    switch state {
    case .kontanthjaelp, .starthjaelp, .introduktionsydelse:
      if step(0.0075 * jobFactor * boom) { return .selvforsoergende }
      if step(age == 0 ? 0.006 : 0.0015) { return .uddannelse }
      if step(isMethod ? 0.0275 : 0.022) { return .aktivering }
      if step(0.0015) { return .sygedagpenge }
      if step(age == 4 ? 0.0015 : 0.0003) { return .foertidspension }
    case .aktivering:
      if step(0.055) { return benefit }
      if step(0.012 * jobFactor * boom) { return .selvforsoergende }
      if step(0.003) { return .uddannelse }
    case .selvforsoergende:
      if step(0.006 * downturn) { return benefit }
      if step(0.004 * downturn) { return .aDagpenge }
      if step(0.001) { return .uddannelse }
      if step(0.001) { return .sygedagpenge }
    case .uddannelse:
      if step(0.012 * boom) { return .selvforsoergende }
      if step(0.012) { return benefit }
    case .sygedagpenge:
      if step(0.035) { return benefit }
      if step(0.02) { return .selvforsoergende }
    case .aDagpenge:
      if step(0.035 * boom) { return .selvforsoergende }
      if step(0.004) { return benefit }
    case .foertidspension:
      break
    }
    return state
  }
}
