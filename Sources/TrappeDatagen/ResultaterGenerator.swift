
/// Generates `resultater.csv`: the Ny Chance target group and its results per municipality,
/// round, benefit and origin.
///
/// Sizes are anchored on real kontanthjælp recipients (January figures interpolated to the
/// round) times the long-term share taken from Odense (2,591 persons in the Ny Chance target
/// group against 8,942 recipients in January 2007). National shares started, self-supporting
/// and in activation are rescaled per round to the targets in ``EvaluationRound``.
///
/// The target group is kontant- and starthjælp recipients only: the sources name no
/// introduktionsydelse recipients in Ny Chance (`ydelser.ny_chance`). Odense's started share is
/// 9/13 of the national one in every round (TV2 Fyn: 9 % in Odense against 13 % nationally
/// after the first year).
struct ResultaterGenerator {
  /// Benefits in row order.
  static let benefits = ["kontanthjælp", "starthjælp"]
  /// Origins in row order.
  static let origins = ["dansk", "indvandrer", "efterkommer"]
  /// Benefit shares per origin (rows: origin, columns: benefit); assumptions, not from a source.
  static let benefitShares: [[Double]] = [[0.99, 0.01], [0.78, 0.22], [0.98, 0.02]]
  /// Share of descendants among the minorities.
  static let descendantShare = 0.2
  /// Ny Chance target group in Odense in 2006 (ny_chance_reference.csv).
  static let odenseTargetGroup = 2591.0
  /// Self-supporting time share after 1½ years (round 2) in three municipalities (ny_chance_reference.csv).
  static let selfSupportingOverrides: [Int: Double] = [340: 0.43, 849: 0.26, 766: 0.22]
  /// Started share relative to the national one (ny_chance_reference.csv: Odense 9 %, national 13 %).
  static let startedRelativeToNational: [Int: Double] = [461: 9.0 / 13.0]

  /// All 98 municipalities in code order.
  var municipalities: [GeneratorMunicipality]
  /// Cumulative jobpakker per method municipality (code order) and round.
  var jobpakker: [Int: [Int]]
  /// The seed.
  var seed: UInt64

  /// One output row.
  struct Cell {
    var municipality: Int
    var round: Int
    var benefit: Int
    var origin: Int
    var persons = 0
    var started = 0
    var selfSupportingTenths = 0
    var activationTenths = 0
    var totalTenths = 0
    var jobpakke = 0
  }

  /// The long-term share of recipients: the Ny Chance target group per kontanthjælp recipient.
  var longTermShare: Double {
    let odense = municipalities.first { $0.code == 461 }
    let recipients = Double(odense?.recipients[2007] ?? 8942)
    return Self.odenseTargetGroup / max(1, recipients)
  }

  /// The target group of municipality `m` in each round (before splitting into cells) and
  /// the share of minorities (indvandrer + efterkommer) in it.
  ///
  /// Every municipality's group follows its real recipients × the long-term factor. In a method
  /// municipality that holds for the Danish part only; the minority part starts at the profile's
  /// share in round 1 and falls by the documented amount (seed 001: a fifth in Slagelse, about
  /// 15 % in most others), since seed 001's fall is about ethnic-minority citizens.
  func targetGroup(_ m: GeneratorMunicipality, seed: UInt64) -> [(persons: Int, minority: Double)] {
    let rounds = EvaluationRound.all
    let share = longTermShare
    let jitter = MethodProfile.jitter(code: m.code, seed: seed)
    if let profile = MethodProfile.profile(m.code) {
      let first = share * m.recipients(year: rounds[0].year, month: rounds[0].month) * profile.minorityShare
      return rounds.map {
        let danish = share * m.recipients(year: $0.year, month: $0.month) * $0.longTermFactor * (1 - profile.minorityShare)
        let minority = first * (1 - (1 - profile.round5Ratio) * $0.declineProgress)
        return (GeneratorText.round(danish + minority), minority / max(1, danish + minority))
      }
    }
    return rounds.enumerated().map { r, round in
      (
        GeneratorText.round(share * m.recipients(year: round.year, month: round.month) * round.longTermFactor),
        MethodProfile.minorityShare(m, round: r + 1, jitter: jitter)
      )
    }
  }

  /// Every row, in output order.
  func cells() -> [Cell] {
    var rng = SplitMix64(seed: seed, stream: 1)
    let rounds = EvaluationRound.all
    var cells: [Cell] = []
    var startFactor: [Double] = []
    var selfFactor: [Double] = []
    var activationFactor: [Double] = []
    var roundJitter: [[Double]] = []
    for (mi, m) in municipalities.enumerated() {
      let profile = MethodProfile.profile(m.code)
      startFactor.append(profile == nil ? 0.75 + 0.5 * rng.nextDouble() : 1.0)
      selfFactor.append(profile == nil ? 0.7 + 0.6 * rng.nextDouble() : 1.0)
      activationFactor.append(profile == nil ? 0.75 + 0.5 * rng.nextDouble() : 1.12)
      roundJitter.append(rounds.map { _ in 0.95 + 0.1 * rng.nextDouble() })
      let sizes = targetGroup(m, seed: seed)
      let benefitCount = Self.benefits.count
      for r in 0..<rounds.count {
        let minority = sizes[r].minority
        let originShares = [1 - minority, minority * (1 - Self.descendantShare), minority * Self.descendantShare]
        var weights: [Double] = []
        for b in 0..<benefitCount { for o in 0..<3 { weights.append(originShares[o] * Self.benefitShares[o][b]) } }
        let persons = GeneratorText.apportion(sizes[r].persons, weights: weights)
        for b in 0..<benefitCount {
          for o in 0..<3 {
            var cell = Cell(municipality: mi, round: r, benefit: b, origin: o)
            cell.persons = persons[b * 3 + o]
            cell.totalTenths = GeneratorText.round(
              Double(cell.persons) * 52 * (0.94 + 0.04 * rng.nextDouble()) * 10)
            cells.append(cell)
          }
        }
      }
    }
    for r in 0..<rounds.count {
      let indices = cells.indices.filter { cells[$0].round == r }
      assignStarted(&cells, indices, round: rounds[r], startFactor, roundJitter, &rng)
      assignWeeks(&cells, indices, round: rounds[r], selfFactor, activationFactor)
    }
    assignJobpakker(&cells)
    return cells
  }

  private func employmentFactor(_ m: GeneratorMunicipality) -> Double {
    (MethodProfile.profile(m.code)?.minorityEmploymentRate ?? 50) / 50
  }

  private func assignStarted(
    _ cells: inout [Cell], _ indices: [Int], round: EvaluationRound,
    _ startFactor: [Double], _ roundJitter: [[Double]], _ rng: inout SplitMix64
  ) {
    let benefitFactor = [1.0, 0.85]
    let methodEffect = [1.0, 1.02, 1.04, 1.06, 1.08]
    var expected = [Double](repeating: 0, count: cells.count)
    var persons = 0.0
    var total = 0.0
    for i in indices {
      let c = cells[i]
      let m = municipalities[c.municipality]
      let e = employmentFactor(m)
      let originFactor = [1.0, 0.8 * e, 1.05 * e][c.origin]
      var factor = originFactor * benefitFactor[c.benefit] * startFactor[c.municipality]
      factor *= m.isMethod ? methodEffect[round.number - 1] : roundJitter[c.municipality][round.number - 1]
      expected[i] = Double(c.persons) * factor
      persons += Double(c.persons)
      total += expected[i]
    }
    // Municipalities with a published share relative to the national one get exactly that ratio.
    for (code, relative) in Self.startedRelativeToNational {
      let own = indices.filter { municipalities[cells[$0].municipality].code == code }
      let ownPersons = own.reduce(0.0) { $0 + Double(cells[$1].persons) }
      let ownExpected = own.reduce(0.0) { $0 + expected[$1] }
      guard ownPersons > 0, ownExpected > 0, persons > ownPersons else { continue }
      // Solve for the factor f on the municipality's cells so that its share is `relative` × the
      // national share after the change: f·e/p = relative · (T − e + f·e)/P.
      let others = total - ownExpected
      let f = relative * others * ownPersons / (ownExpected * (persons - relative * ownPersons))
      for i in own { expected[i] *= f }
      total = others + f * ownExpected
    }
    let scale = total > 0 ? round.startedShare * persons / total : 0
    for i in indices {
      let mean = expected[i] * scale
      let p = cells[i].persons > 0 ? min(1, mean / Double(cells[i].persons)) : 0
      let sd = (mean * (1 - p)).squareRoot()
      let noise = (rng.nextDouble() + rng.nextDouble() + rng.nextDouble() - 1.5) * 2 * sd
      cells[i].started = max(0, min(cells[i].persons, GeneratorText.round(mean + noise)))
    }
  }

  private func assignWeeks(
    _ cells: inout [Cell], _ indices: [Int], round: EvaluationRound,
    _ selfFactor: [Double], _ activationFactor: [Double]
  ) {
    let selfOrigin = [1.0, 0.85, 1.05]
    let activationBenefit = [1.0, 1.1]
    let activationOrigin = [1.0, 1.05, 0.95]
    var selfRaw = [Double](repeating: 0, count: cells.count)
    var actRaw = [Double](repeating: 0, count: cells.count)
    var fixed = Set<Int>()
    var overrideTotals: [Int: (raw: Double, weeks: Double)] = [:]
    for i in indices {
      let c = cells[i]
      let m = municipalities[c.municipality]
      let e = c.origin == 0 ? 1 : employmentFactor(m)
      selfRaw[i] = Double(c.totalTenths) * selfOrigin[c.origin] * e * selfFactor[c.municipality]
      actRaw[i] = Double(c.totalTenths) * activationOrigin[c.origin] * activationBenefit[c.benefit]
        * activationFactor[c.municipality]
      if Self.selfSupportingOverrides[m.code] != nil {
        fixed.insert(i)
        let t = overrideTotals[m.code] ?? (0, 0)
        overrideTotals[m.code] = (t.raw + selfRaw[i], t.weeks + Double(c.totalTenths))
      }
    }
    var weeks = 0.0
    var fixedSelf = 0.0
    var freeSelf = 0.0
    var act = 0.0
    let relative = round.selfSupportingShare / EvaluationRound.all[1].selfSupportingShare
    for i in indices {
      weeks += Double(cells[i].totalTenths)
      act += actRaw[i]
      let code = municipalities[cells[i].municipality].code
      if let target = Self.selfSupportingOverrides[code], let t = overrideTotals[code], t.raw > 0 {
        selfRaw[i] *= target * relative * t.weeks / t.raw
        fixedSelf += selfRaw[i]
      } else {
        freeSelf += selfRaw[i]
      }
    }
    let selfScale = freeSelf > 0 ? (round.selfSupportingShare * weeks - fixedSelf) / freeSelf : 0
    let actScale = act > 0 ? round.activationShare * weeks / act : 0
    for i in indices {
      let total = Double(cells[i].totalTenths)
      let selfWeeks = fixed.contains(i) ? selfRaw[i] : selfRaw[i] * selfScale
      let actWeeks = min(actRaw[i] * actScale, max(0, 0.95 * total - selfWeeks))
      cells[i].selfSupportingTenths = GeneratorText.round(min(selfWeeks, 0.95 * total))
      cells[i].activationTenths = GeneratorText.round(actWeeks)
    }
  }

  private func assignJobpakker(_ cells: inout [Cell]) {
    var byKey: [Int: [Int]] = [:]
    for i in cells.indices { byKey[cells[i].municipality * 10 + cells[i].round, default: []].append(i) }
    for (mi, m) in municipalities.enumerated() {
      guard let cumulative = jobpakker[m.code] else { continue }
      for r in 0..<cumulative.count {
        let indices = byKey[mi * 10 + r] ?? []
        let weights = indices.map { Double(cells[$0].persons) * (cells[$0].origin == 0 ? 1 : 3) }
        let parts = GeneratorText.apportion(cumulative[r], weights: weights)
        for (k, i) in indices.enumerated() { cells[i].jobpakke = min(cells[i].persons, parts[k]) }
      }
    }
  }

  /// The CSV text of `cells`.
  func csv(_ cells: [Cell]) -> String {
    var text =
      "kommunekode,kommune,runde,ydelse,herkomst,personer,startet,uger_selvforsoergende,"
      + "uger_aktivering,uger_i_alt,jobpakke\n"
    for c in cells {
      let m = municipalities[c.municipality]
      text += "\(m.code),\(GeneratorText.field(m.name)),\(c.round + 1),\(Self.benefits[c.benefit]),"
      text += "\(Self.origins[c.origin]),\(c.persons),\(c.started),"
      text += "\(GeneratorText.tenths(c.selfSupportingTenths)),\(GeneratorText.tenths(c.activationTenths)),"
      text += "\(GeneratorText.tenths(c.totalTenths)),\(c.jobpakke)\n"
    }
    return text
  }
}
