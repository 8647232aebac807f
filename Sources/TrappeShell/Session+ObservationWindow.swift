import TrappeAnalysis

extension Session {
  /// The observation window of table `name`: its manifest's `period` when that is two ISO weeks
  /// (`forloeb`: 2007W01–2009W26); for a `let` table or result, the window of the first table it
  /// was computed from that has one, so a filtered `forloeb` keeps forloeb's window. Nil for a
  /// loaded file without a manifest (survival then falls back to the data's own weeks).
  func observationWindow(of name: String, depth: Int = 0) -> ObservationWindow? {
    guard depth < 16, let entry = catalog.entry(name) else { return nil }
    switch entry.provenance.origin {
    case .dataset(let manifest), .file(_, _, let manifest?):
      return ObservationWindow(period: manifest.period, dataset: manifest.name)
    case .derived(_, let inputs):
      return inputs.lazy.compactMap { self.observationWindow(of: $0, depth: depth + 1) }.first
    default:
      return nil
    }
  }
}
