
/// The status of a person in a week of `forloeb.csv`, as in a DREAM extract.
enum SpellStatus: Int, CaseIterable {
  case kontanthjaelp, starthjaelp, introduktionsydelse, aktivering, selvforsoergende
  case uddannelse, sygedagpenge, aDagpenge, foertidspension

  /// The status as written in the file.
  var label: String {
    switch self {
    case .kontanthjaelp: return "kontanthjælp"
    case .starthjaelp: return "starthjælp"
    case .introduktionsydelse: return "introduktionsydelse"
    case .aktivering: return "aktivering"
    case .selvforsoergende: return "selvforsørgende"
    case .uddannelse: return "uddannelse"
    case .sygedagpenge: return "sygedagpenge"
    case .aDagpenge: return "a-dagpenge"
    case .foertidspension: return "førtidspension"
    }
  }

  /// Whether the status is a passive cash benefit (the Ny Chance benefits).
  var isCashBenefit: Bool {
    self == .kontanthjaelp || self == .starthjaelp || self == .introduktionsydelse
  }
}
