
/// Generates `jobpakker.csv`: jobpakker started per method municipality, round and job area.
///
/// The totals per round are fixed so the cumulative figures match the seeds: 313 by round 5
/// of which 126 (40 %) inside the 12 start packages (seed 001: "126 ud af 313 jobpakker"), and
/// almost 200 with about 55 % in new job areas (seed 000: "knap 200", "ca. 55 pct."). Seed 000
/// does not say which round its "knap 200" belongs to; placing it at round 4 (September 2008)
/// is an assumption. Each package is one person's course (whether seed 001 counts agreements
/// or persons is not stated; an assumption). Each package is then placed in a municipality
/// and a job area by weighted draws.
struct JobpakkerGenerator {
  /// Packages started in each round, all areas.
  static let startedPerRound = [24, 46, 52, 73, 118]
  /// Packages started in each round inside the 12 start packages.
  static let startPackagesPerRound = [16, 26, 21, 25, 38]

  /// The five method municipalities in code order.
  var municipalities: [GeneratorMunicipality]
  /// The seed.
  var seed: UInt64

  /// Counts `[municipality][round][area]` of packages started.
  func counts() -> [[[Int]]] {
    var rng = SplitMix64(seed: seed, stream: 2)
    let areas = JobArea.all
    var result = [[[Int]]](
      repeating: [[Int]](repeating: [Int](repeating: 0, count: areas.count), count: 5),
      count: municipalities.count)
    let muniWeights = municipalities.map { MethodProfile.profile($0.code)?.jobpakkeWeight ?? 0.2 }
    let startIndices = areas.indices.filter { areas[$0].isStartPackage }
    let newIndices = areas.indices.filter { !areas[$0].isStartPackage }
    for round in 0..<5 {
      let inStart = Self.startPackagesPerRound[round]
      for k in 0..<Self.startedPerRound[round] {
        let pool = k < inStart ? startIndices : newIndices
        let area = pool[rng.pick(pool.map { areas[$0].weight })]
        let m = rng.pick(muniWeights)
        result[m][round][area] += 1
      }
    }
    return result
  }

  /// Cumulative packages per municipality (code order) by the end of each round.
  func cumulative(_ counts: [[[Int]]]) -> [[Int]] {
    counts.map { rounds in
      var running = 0
      return rounds.map { areas in
        running += areas.reduce(0, +)
        return running
      }
    }
  }

  /// The CSV text of `counts`.
  func csv(_ counts: [[[Int]]]) -> (text: String, rows: Int) {
    var text = "kommunekode,kommune,runde,jobomraade,startpakke,jobpakker\n"
    var rows = 0
    for (m, municipality) in municipalities.enumerated() {
      for round in 0..<5 {
        for (a, area) in JobArea.all.enumerated() {
          text += "\(municipality.code),\(GeneratorText.field(municipality.name)),\(round + 1),"
          text += "\(GeneratorText.field(area.name)),\(area.isStartPackage ? 1 : 0),\(counts[m][round][a])\n"
          rows += 1
        }
      }
    }
    return (text, rows)
  }
}
