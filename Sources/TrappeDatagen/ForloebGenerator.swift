import TrappeStorage
import TrappeIO

/// Generates `forloeb.csv`: weekly benefit spells per person, like a DREAM extract.
///
/// Each person is simulated week by week from 2007W01 to 2009W26 as a Markov chain over
/// ``SpellStatus`` with weekly transition probabilities that depend on origin, age, whether
/// the municipality is a method municipality, and the business cycle (a boom until autumn
/// 2008, then a downturn: fewer exits to work, more entries to benefits). Only multiplications
/// and comparisons of doubles are used, so the output is identical on every platform.
/// Rows are streamed: memory does not grow with the number of persons.
struct ForloebGenerator {
  /// Weeks observed: 2007W01 ... 2009W26.
  static let weekCount = 130
  /// The first spell's benefit per origin (rows: origin, columns: kontanthjælp, starthjælp,
  /// introduktionsydelse); assumptions. Unlike `resultater` (the Ny Chance target group, kontant-
  /// and starthjælp only), `forloeb` is an extract of all benefit spells, so introduktionsydelse is in.
  static let benefitShares: [[Double]] = [[0.99, 0.01, 0], [0.70, 0.20, 0.10], [0.98, 0.02, 0]]
  /// Index of 2008W36 (round 4), where the boom turns.
  static let turningWeek = 87
  /// Index of 2009W10 (round 5), where the downturn has reached its depth.
  static let troughWeek = 113
  /// The spells a person has on average (measured), used to turn `spells` into persons.
  static let spellsPerPerson = 5.2
  /// Age groups.
  static let ageGroups = ["16-24", "25-29", "30-39", "40-49", "50-64"]
  /// Age group weights per origin (dansk, indvandrer, efterkommer).
  static let ageWeights: [[Double]] = [
    [20, 14, 22, 24, 20], [8, 14, 32, 28, 18], [55, 30, 15, 0, 0],
  ]
  /// Share of women per origin.
  static let womenShare = [0.45, 0.55, 0.45]

  /// The municipalities in the extract (method and comparable), code order.
  var municipalities: [GeneratorMunicipality]
  /// The approximate number of spells wanted.
  var spells: Int
  /// The seed.
  var seed: UInt64

  /// Persons per municipality, proportional to January 2007 kontanthjælp recipients.
  func personsPerMunicipality() -> [Int] {
    let persons = max(municipalities.count, GeneratorText.round(Double(spells) / Self.spellsPerPerson))
    return GeneratorText.apportion(persons, weights: municipalities.map { Double($0.recipients[2007] ?? 0) })
  }

  /// The weekly exit-to-work factor: rising through the boom, falling after 2008W36.
  static func boom(_ week: Int) -> Double {
    if week < turningWeek { return 1.0 + 0.15 * Double(week) / Double(turningWeek) }
    if week < troughWeek {
      return 1.15 - 0.6 * Double(week - turningWeek) / Double(troughWeek - turningWeek)
    }
    return 0.55
  }

  /// The weekly job-loss factor: 1 until 2008W36, tripling by 2009W10.
  static func downturn(_ week: Int) -> Double {
    if week < turningWeek { return 1.0 }
    return 1.0 + 2.0 * min(1.0, Double(week - turningWeek) / Double(troughWeek - turningWeek))
  }

  /// The earliest true start drawn: 1991W01, when DREAM begins.
  static let earliestStart = Period.week(1991, 1)

  /// Weeks a spell running at 2007W01 had already lasted: the smallest k with (1 − p)^(k+1) < 1 − u
  /// (a geometric draw by multiplication only, so identical on every platform), capped at 2007W01 − 1991W01.
  static func elapsedWeeks(exit p: Double, u: Double) -> Int {
    let cap = Int(Period.week(2007, 1).ordinal - earliestStart.ordinal)
    var survive = 1.0 - p
    var k = 0
    while k < cap, survive >= 1.0 - u {
      survive *= 1.0 - p
      k += 1
    }
    return k
  }

  /// 2007W01 less `elapsed` weeks.
  static func trueStart(elapsed: Int) -> Period { Period.week(2007, 1).advanced(by: -elapsed) }

  /// Streams the CSV to `writer`; returns the number of rows.
  func write(to writer: AtomicStreamWriter) throws(FileError) -> Int {
    try writer.write("person,kommunekode,kommune,herkomst,aldersgruppe,koen,start_uge,slut_uge,status,start_faktisk\n")
    let first = Period.week(2007, 1)
    let weekLabels: [[UInt8]] = (0..<Self.weekCount).map {
      Array(first.advanced(by: $0).description.utf8)
    }
    let statusLabels: [[UInt8]] = SpellStatus.allCases.map { Array($0.label.utf8) }
    let boom = (0..<Self.weekCount).map(Self.boom)
    let downturn = (0..<Self.weekCount).map(Self.downturn)
    let origins = ResultaterGenerator.origins
    var person = 0
    var rows = 0
    let allocation = personsPerMunicipality()
    for (mi, m) in municipalities.enumerated() {
      let count = allocation[mi]
      let minority = MethodProfile.minorityShare(
        m, round: 1, jitter: MethodProfile.jitter(code: m.code, seed: seed))
      let employment = (MethodProfile.profile(m.code)?.minorityEmploymentRate ?? 50) / 50
      let municipalityPrefix = ",\(m.code),\(GeneratorText.field(m.name)),"
      for _ in 0..<count {
        person += 1
        var rng = SplitMix64(seed: seed, stream: 1_000_000 + UInt64(person))
        let u = rng.nextDouble()
        let origin = u < 1 - minority ? 0 : (u < 1 - minority * ResultaterGenerator.descendantShare ? 1 : 2)
        let age = rng.pick(Self.ageWeights[origin])
        let woman = rng.nextDouble() < Self.womenShare[origin]
        let benefit = SpellStatus(rawValue: rng.pick(Self.benefitShares[origin])) ?? .kontanthjaelp
        let profile = PersonProfile(
          origin: origin, age: age, benefit: benefit, isMethod: m.isMethod, employment: employment)
        var prefix: [UInt8] = []
        prefix.append(contentsOf: String(person).utf8)
        prefix.append(contentsOf: municipalityPrefix.utf8)
        prefix.append(contentsOf: "\(origins[origin]),\(Self.ageGroups[age]),\(woman ? "kvinde" : "mand"),".utf8)
        var state = profile.initialState(rng.nextDouble())
        var start = 0
        // The true start of the spell running at 2007W01, from its own stream (the spells above
        // stay as they were): weeks already on = geometric with the state's weekly exit chance.
        var before = SplitMix64(seed: seed, stream: 2_000_000 + UInt64(person))
        let trueStart = Array(
          Self.trueStart(elapsed: Self.elapsedWeeks(exit: profile.exitProbability(from: state), u: before.nextDouble()))
            .description.utf8)
        for week in 1..<Self.weekCount {
          let next = profile.transition(from: state, u: rng.nextDouble(), boom: boom[week], downturn: downturn[week])
          if next != state {
            try writer.write(prefix)
            writer.write(bytes: weekLabels[start])
            writer.write(byte: 44)
            writer.write(bytes: weekLabels[week - 1])
            writer.write(byte: 44)
            try writer.write(statusLabels[state.rawValue])
            writer.write(byte: 44)
            writer.write(bytes: start == 0 ? trueStart : weekLabels[start])
            writer.write(byte: 10)
            rows += 1
            state = next
            start = week
          }
        }
        try writer.write(prefix)
        writer.write(bytes: weekLabels[start])
        writer.write(byte: 44)
        writer.write(byte: 44)
        try writer.write(statusLabels[state.rawValue])
        writer.write(byte: 44)
        writer.write(bytes: start == 0 ? trueStart : weekLabels[start])
        writer.write(byte: 10)
        rows += 1
      }
    }
    return rows
  }
}
