
/// Chooses comparable municipalities ("sammenligningskommuner") for the method municipalities.
///
/// For each method municipality, in code order, the three nearest municipalities not yet
/// chosen, by the distance |Δ population| / larger population + |Δ recipients per 1,000| /
/// larger rate (both from the real data, 2008). Method municipalities are never comparables.
enum ComparableMunicipalities {
  /// How many comparables each method municipality gets.
  static let perMethodMunicipality = 3

  /// The chosen comparables, sorted by code.
  static func choose(from all: [GeneratorMunicipality]) -> [GeneratorMunicipality] {
    var chosen: [GeneratorMunicipality] = []
    for method in all where method.isMethod {
      let candidates = all.filter { m in !m.isMethod && !chosen.contains { $0.code == m.code } }
      let ranked = candidates.sorted {
        let a = distance(method, $0)
        let b = distance(method, $1)
        return a != b ? a < b : $0.code < $1.code
      }
      chosen.append(contentsOf: ranked.prefix(perMethodMunicipality))
    }
    return chosen.sorted { $0.code < $1.code }
  }

  /// The distance between two municipalities in size and kontanthjælp rate.
  static func distance(_ a: GeneratorMunicipality, _ b: GeneratorMunicipality) -> Double {
    let pa = Double(a.population[2008] ?? 0)
    let pb = Double(b.population[2008] ?? 0)
    let ra = a.recipientRate
    let rb = b.recipientRate
    let size = max(pa, pb) > 0 ? abs(pa - pb) / max(pa, pb) : 0
    let rate = max(ra, rb) > 0 ? abs(ra - rb) / max(ra, rb) : 0
    return size + rate
  }
}
