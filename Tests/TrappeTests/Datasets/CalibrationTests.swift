import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
@testable import TrappeDatagen

/// Checks the committed illustrative datasets against every calibration target in Datasets/README.md.
@Suite struct CalibrationTests {
  static let method = [159, 210, 330, 580, 751]

  /// Sums of `resultater` per key.
  struct Totals {
    var persons = 0
    var started = 0
    var minorities = 0
    var minorityStarted = 0
    var danes = 0
    var danishStarted = 0
    var selfWeeks = 0.0
    var activationWeeks = 0.0
    var weeks = 0.0
    var jobpakke = 0

    var startedShare: Double { persons > 0 ? Double(started) / Double(persons) : 0 }
    var selfShare: Double { weeks > 0 ? selfWeeks / weeks : 0 }
    var activationShare: Double { weeks > 0 ? activationWeeks / weeks : 0 }
    var minorityShare: Double { persons > 0 ? Double(minorities) / Double(persons) : 0 }
  }

  /// `resultater` summed per (municipality, round); municipality 0 is the whole country.
  static func resultater() throws -> [Int: [Int: Totals]] {
    let t = try GeneratedDataset("resultater")
    var sums: [Int: [Int: Totals]] = [:]
    for row in 0..<t.rowCount {
      let code = t.int("kommunekode", row)
      let round = t.int("runde", row)
      let persons = t.int("personer", row)
      let started = t.int("startet", row)
      let minority = t.string("herkomst", row) != "dansk"
      for key in [code, 0] {
        var s = sums[key, default: [:]][round, default: Totals()]
        s.persons += persons
        s.started += started
        if minority {
          s.minorities += persons
          s.minorityStarted += started
        } else {
          s.danes += persons
          s.danishStarted += started
        }
        s.selfWeeks += t.double("uger_selvforsoergende", row)
        s.activationWeeks += t.double("uger_aktivering", row)
        s.weeks += t.double("uger_i_alt", row)
        s.jobpakke += t.int("jobpakke", row)
        sums[key, default: [:]][round] = s
      }
    }
    return sums
  }

  @Test func resultaterHasEveryCellAndConsistentCounts() throws {
    let t = try GeneratedDataset("resultater")
    // 98 municipalities × 5 rounds × 2 benefits (kontant- and starthjælp) × 3 origins.
    #expect(t.rowCount == 98 * 5 * 2 * 3)
    // No introduktionsydelse: outside the Ny Chance target group (ydelser.ny_chance, review D13).
    #expect(Set((0..<t.rowCount).map { t.string("ydelse", $0) }) == ["kontanthjælp", "starthjælp"])
    var keys = Set<String>()
    for row in 0..<t.rowCount {
      keys.insert("\(t.int("kommunekode", row))|\(t.int("runde", row))|\(t.string("ydelse", row))|\(t.string("herkomst", row))")
      let persons = t.int("personer", row)
      #expect(t.int("startet", row) >= 0 && t.int("startet", row) <= persons)
      let total = t.double("uger_i_alt", row)
      #expect(t.double("uger_selvforsoergende", row) + t.double("uger_aktivering", row) <= total + 0.05)
      #expect(total <= Double(persons) * 52 + 0.05)
      if !Self.method.contains(t.int("kommunekode", row)) { #expect(t.int("jobpakke", row) == 0) }
      #expect(t.int("jobpakke", row) <= persons)
    }
    #expect(keys.count == t.rowCount)
    #expect(Set(keys.map { $0.split(separator: "|")[0] }).count == 98)
  }

  @Test func targetGroupIsProportionalToRealRecipients() throws {
    let sums = try Self.resultater()
    let k = try GeneratedDataset("kontanthjaelp")
    var recipients: [Int: [Int: Int]] = [:]
    for row in 0..<k.rowCount {
      recipients[k.int("omraadekode", row), default: [:]][k.int("aar", row)] = k.int("modtagere_januar", row)
    }
    // Round 1 is 1 September 2007: 8/12 of the way from January 2007 to January 2008.
    var ratios: [Double] = []
    for (code, rounds) in sums where code != 0 && !Self.method.contains(code) {
      let r = recipients[code] ?? [:]
      let interpolated = Double(r[2007] ?? 0) + Double((r[2008] ?? 0) - (r[2007] ?? 0)) * 8 / 12
      guard interpolated >= 500 else { continue }
      ratios.append(Double(rounds[1]?.persons ?? 0) / interpolated)
    }
    #expect(ratios.count > 60)
    let low = ratios.min() ?? 0
    let high = ratios.max() ?? 0
    // A fraction of all recipients (long-term), the same fraction everywhere up to rounding.
    #expect(low > 0.2 && high < 0.4)
    #expect(high - low < 0.005)
  }

  @Test func minoritiesAreAQuarterToAHalfInMethodMunicipalities() throws {
    let sums = try Self.resultater()
    for code in Self.method {
      for round in 1...5 {
        let share = sums[code]?[round]?.minorityShare ?? 0
        #expect(share >= 0.25 && share <= 0.50, "\(code) round \(round): \(share)")
      }
    }
  }

  @Test func minoritiesStartLessOftenThanDanesWithinPlausibleRange() throws {
    let sums = try Self.resultater()
    for code in Self.method {
      var m = 0, ms = 0, d = 0, ds = 0
      for round in 1...5 {
        let s = sums[code]?[round] ?? Totals()
        m += s.minorities; ms += s.minorityStarted; d += s.danes; ds += s.danishStarted
      }
      let relative = (Double(ms) / Double(max(1, m))) / (Double(ds) / Double(max(1, d)))
      // Employment rates of 43–57 % (seed 002) give relative start rates of about 0.7–1.0.
      #expect(relative >= 0.55 && relative <= 1.2, "\(code): \(relative)")
    }
  }

  @Test func minoritiesFallAsDocumented() throws {
    // Seed 001: ethnic-minority citizens on public support fell by a fifth in Slagelse and by
    // about 15 % in most ("hovedparten") of the other four; Fredensborg is the one that falls less.
    let sums = try Self.resultater()
    let expected: [Int: Double] = [330: 20, 159: 15, 580: 16, 751: 15, 210: 8]
    var aboutFifteen = 0
    for code in Self.method {
      let first = Double(sums[code]?[1]?.minorities ?? 0)
      let last = Double(sums[code]?[5]?.minorities ?? 0)
      let decline = 100 * (1 - last / max(1, first))
      #expect(abs(decline - (expected[code] ?? 0)) <= 1.5, "\(code): minorities fall \(decline) %")
      if code != 330, abs(decline - 15) <= 2 { aboutFifteen += 1 }
    }
    #expect(aboutFifteen == 3)
  }

  @Test func nationalStartedShareIsThirteenPercentAtRoundOne() throws {
    // Round 1's 12 months (Sep 2006 – Aug 2007) are nearest the Ny Chance first year (Jul 2006 – Jun 2007).
    let sums = try Self.resultater()
    let share = 100 * (sums[0]?[1]?.startedShare ?? 0)
    #expect(abs(share - 13) <= 0.3, "national started share at round 1: \(share) %")
  }

  @Test func odenseIsBelowNationalAsPublished() throws {
    // TV2 Fyn (ny_chance_reference.csv): 9 % in Odense against 13 % nationally after the first year.
    let sums = try Self.resultater()
    let odense = 100 * (sums[461]?[1]?.startedShare ?? 0)
    #expect(abs(odense - 9) <= 0.7, "Odense round 1: \(odense) %")
    for round in 1...5 {
      let own = sums[461]?[round]?.startedShare ?? 1
      let national = sums[0]?[round]?.startedShare ?? 0
      #expect(own < national - 0.02, "round \(round): Odense \(own), national \(national)")
    }
  }

  @Test func boomUntilRoundFourThenDownturn() throws {
    let sums = try Self.resultater()
    let national = (1...5).map { sums[0]?[$0] ?? Totals() }
    let peak = national.map(\.startedShare).max() ?? 0
    #expect(national[3].startedShare == peak)
    #expect(national[4].startedShare < national[3].startedShare - 0.02)
    #expect(national[4].started < national[3].started)
    #expect(national[4].persons > national[3].persons)
    #expect(national[4].selfShare < national[3].selfShare)
    for code in Self.method {
      let r4 = sums[code]?[4] ?? Totals()
      let r5 = sums[code]?[5] ?? Totals()
      #expect(r5.persons > r4.persons, "\(code)")
      #expect(r5.startedShare < r4.startedShare, "\(code)")
    }
  }

  @Test func methodMunicipalitiesEndCloseToComparablesAndNational() throws {
    let sums = try Self.resultater()
    let national = sums[0]?[5] ?? Totals()
    let forloeb = try GeneratedDataset("forloeb")
    var comparables = Set<Int>()
    for row in 0..<forloeb.rowCount where !Self.method.contains(forloeb.int("kommunekode", row)) {
      comparables.insert(forloeb.int("kommunekode", row))
    }
    #expect(comparables.count >= 10 && comparables.count <= 15)
    var pooled = Totals()
    for code in comparables {
      let s = sums[code]?[5] ?? Totals()
      pooled.persons += s.persons; pooled.started += s.started
    }
    for code in Self.method {
      let s = sums[code]?[5] ?? Totals()
      #expect(abs(s.startedShare - national.startedShare) <= 0.04, "\(code)")
      // 5 points against the comparables: Odense, the largest of them, is held at 9/13 of the
      // national share as published (review D20), which pulls the pooled comparables down
      // (round 5: 10.2 % with Odense, 10.9 % without; Fredensborg, n = 290, 14.8 %).
      #expect(abs(s.startedShare - pooled.startedShare) <= 0.05, "\(code)")
      // Ny Chance targets: 25 % started and 15 % of the time self-supporting are not met ...
      #expect(s.startedShare < 0.25 && s.selfShare < 0.15, "\(code)")
      // ... the 40 % activation target is.
      #expect(s.activationShare >= 0.40 && s.activationShare <= 0.50, "\(code)")
    }
    #expect(national.activationShare < 0.40 && national.startedShare < 0.25)
  }

  @Test func nyChanceTopPerformersMatchReference() throws {
    let sums = try Self.resultater()
    for (code, target) in [(340, 0.43), (849, 0.26), (766, 0.22)] {
      let share = sums[code]?[2]?.selfShare ?? 0
      #expect(abs(share - target) <= 0.01, "\(code): \(share)")
    }
  }

  @Test func jobpakkerMatchDocumentedTotals() throws {
    let t = try GeneratedDataset("jobpakker")
    #expect(t.rowCount == 5 * 5 * 20)
    var cumulative = [Int](repeating: 0, count: 6)
    var inStart = [Int](repeating: 0, count: 6)
    var areas = Set<String>()
    var startAreas = Set<String>()
    var perMunicipality: [Int: [Int]] = [:]
    for row in 0..<t.rowCount {
      let round = t.int("runde", row)
      let n = t.int("jobpakker", row)
      #expect(n >= 0)
      areas.insert(t.string("jobomraade", row))
      if t.int("startpakke", row) == 1 { startAreas.insert(t.string("jobomraade", row)); inStart[round] += n }
      cumulative[round] += n
      perMunicipality[t.int("kommunekode", row), default: [Int](repeating: 0, count: 6)][round] += n
    }
    for r in 1...5 {
      cumulative[r] += cumulative[r - 1]
      inStart[r] += inStart[r - 1]
    }
    #expect(areas.count == 20 && startAreas.count == 12)
    // Seed 001 calls the health and pedagogical areas new, and warehouse work one touching the 12.
    for area in ["pleje og omsorg", "sundhed og sygehusservice", "pædagogisk område", "lager og logistik"] {
      #expect(areas.contains(area) && !startAreas.contains(area), "\(area)")
    }
    #expect(Set(perMunicipality.keys) == Set(Self.method))
    #expect(cumulative[4] >= 190 && cumulative[4] <= 199)
    #expect(cumulative[5] == 313)
    #expect(inStart[5] == 126)
    let newShareRound4 = 1 - Double(inStart[4]) / Double(cumulative[4])
    #expect(newShareRound4 >= 0.50 && newShareRound4 <= 0.60)
    // resultater.jobpakke holds the same cumulative counts.
    let sums = try Self.resultater()
    for code in Self.method {
      var running = 0
      for r in 1...5 {
        running += perMunicipality[code]?[r] ?? 0
        #expect(sums[code]?[r]?.jobpakke == running, "\(code) round \(r)")
      }
    }
  }

  @Test func spellsCoverTheWindowWithoutOverlaps() throws {
    let t = try GeneratedDataset("forloeb")
    #expect(t.rowCount >= 180_000 && t.rowCount <= 220_000)
    let first = Period.week(2007, 1)
    let last = Period.week(2009, 26)
    var previousPerson = 0
    var expectedStart = first
    var previousStatus = ""
    var open = false
    var persons = 0
    var problems = 0
    for row in 0..<t.rowCount {
      let person = t.int("person", row)
      let start = t.period("start_uge", row)
      let end = t.period("slut_uge", row)
      let status = t.string("status", row)
      if person != previousPerson {
        if previousPerson != 0 && !open { problems += 1 }
        if person != previousPerson + 1 { problems += 1 }
        persons += 1
        expectedStart = first
        previousStatus = ""
      } else if open || status == previousStatus {
        problems += 1  // a spell after a censored one, or two spells in a row with one status
      }
      if start != expectedStart { problems += 1 }
      if let end {
        if let start, end < start || end >= last { problems += 1 }
        expectedStart = end.next
        open = false
      } else {
        open = true
      }
      previousPerson = person
      previousStatus = status
    }
    if !open { problems += 1 }
    #expect(problems == 0)
    #expect(persons > 30_000)
  }

  @Test func exitsFromBenefitFallInTheDownturn() throws {
    let t = try GeneratedDataset("forloeb")
    let benefits: Set<String> = ["kontanthjælp", "starthjælp", "introduktionsydelse"]
    let boom = (Period.week(2008, 10), Period.week(2008, 35))
    let bust = (Period.week(2009, 1), Period.week(2009, 26))
    var atRisk = [0, 0]
    var exits = [0, 0]
    for row in 0..<t.rowCount where benefits.contains(t.string("status", row)) {
      guard let start = t.period("start_uge", row) else { continue }
      let end = t.period("slut_uge", row) ?? Period.week(2009, 26)
      let toWork = row + 1 < t.rowCount && t.int("person", row + 1) == t.int("person", row)
        && t.string("status", row + 1) == "selvforsørgende"
      for (i, window) in [boom, bust].enumerated() {
        let from = max(start, window.0)
        let to = min(end, window.1)
        if from <= to { atRisk[i] += Int(to.ordinal - from.ordinal) + 1 }
        if toWork && t.period("slut_uge", row) != nil && end >= window.0 && end <= window.1 { exits[i] += 1 }
      }
    }
    let boomRate = Double(exits[0]) / Double(max(1, atRisk[0]))
    let bustRate = Double(exits[1]) / Double(max(1, atRisk[1]))
    #expect(boomRate > 0.005 && boomRate < 0.02)
    #expect(bustRate < 0.75 * boomRate, "boom \(boomRate), downturn \(bustRate)")
  }

  @Test func forloebMinoritySharesFollowMethodProfiles() throws {
    let t = try GeneratedDataset("forloeb")
    var persons: [Int: (all: Int, minority: Int)] = [:]
    var previous = 0
    for row in 0..<t.rowCount where t.int("person", row) != previous {
      previous = t.int("person", row)
      let code = t.int("kommunekode", row)
      let minority = t.string("herkomst", row) != "dansk" ? 1 : 0
      let s = persons[code] ?? (0, 0)
      persons[code] = (s.all + 1, s.minority + minority)
    }
    for code in Self.method {
      let s = persons[code] ?? (0, 0)
      let share = Double(s.minority) / Double(max(1, s.all))
      #expect(share >= 0.22 && share <= 0.53, "\(code): \(share)")
    }
  }
}
