import Testing
@testable import TrappeAnalysis

/// Greenwood intervals, the median's interval, Aalen–Johansen with delayed entry, the log-rank
/// test and the chi-square tail, each worked out by hand.
@Suite struct SurvivalEstimateTests {
  /// Durations 1, 2, 2+, 3, 4+ (no delayed entry). By hand:
  /// - t = 1: n = 5, d = 1 → S = 0.8, V = 1/(5·4) = 0.05
  /// - t = 2: n = 4 (2+ still at risk), d = 1 → S = 0.6, V = 0.05 + 1/(4·3) = 0.133333
  /// - t = 3: n = 2, d = 1 → S = 0.3, V = 0.133333 + 1/(2·1) = 0.633333; t = 4: n = 1, d = 0
  /// The band exp(−exp(log(−log S) ± 1.959964·√V/(−log S))), evaluated with Python's math:
  /// t = 1: [0.20380926326763904, 0.9691797888667427]; t = 3: [0.012301529425416074, 0.719218020810415].
  /// Median: first S ≤ 0.5 at t = 3; lower band ≤ 0.5 first at t = 1; the upper band stays
  /// above 0.5 (0.7192 at the end), so the upper limit is not reached.
  @Test func greenwoodBandsAndMedian() throws {
    let estimate = SurvivalEstimate(durations: [1, 2, 2, 3, 4], causes: [1, 1, 0, 1, 0])
    #expect(estimate.atRisk[1...4] == [5, 4, 2, 1])
    #expect(abs(estimate.survival[3] - 0.3) < 1e-12)
    #expect(abs(estimate.greenwood[3] - (0.05 + 1.0 / 12 + 0.5)) < 1e-12)
    let first = try #require(estimate.interval(at: 1))
    #expect(abs(first.lower - 0.20380926326763904) < 1e-12)
    #expect(abs(first.upper - 0.9691797888667427) < 1e-12)
    let third = try #require(estimate.interval(at: 3))
    #expect(abs(third.lower - 0.012301529425416074) < 1e-12)
    #expect(abs(third.upper - 0.719218020810415) < 1e-12)
    #expect(estimate.interval(at: 0).map { [$0.lower, $0.upper] } == [1, 1])
    // The last subject (4+) was censored: S is undefined after week 4.
    #expect(estimate.interval(at: 5) == nil)
    #expect(estimate.median == 3)
    #expect(estimate.medianInterval.lower == 1)
    #expect(estimate.medianInterval.upper == nil)
  }

  /// Delayed entry, two causes: (entry, duration, cause) = A (0, 2, 1), B (1, 3, 1), C (0, 1, censored),
  /// D (2, 4, 2), E (0, 3, 2). At risk when entry < t ≤ duration:
  /// - t = 1: A, C, E → n = 3, d = 0 (C censored); t = 2: A, B, E → n = 3, d₁ = 1 (A)
  /// - t = 3: B, D, E → n = 3, d₁ = 1 (B), d₂ = 1 (E); t = 4: D → n = 1, d₂ = 1
  /// S = 1, 1, 2/3, 2/3 · 1/3 = 2/9, 0. F₁ = 1/3 at 2, 1/3 + (2/3)(1/3) = 5/9 at 3;
  /// F₂ = (2/3)(1/3) = 2/9 at 3, 2/9 + (2/9)(1/1) = 4/9 at 4. F₁ + F₂ + S = 1 at every t.
  /// Greenwood: 1/(3·2) at 2, + 2/(3·1) at 3 → 5/6; the n = d term at 4 counts 0; S = 0 gives [0, 0].
  @Test func delayedEntryAndCompetingRisks() {
    let estimate = SurvivalEstimate(
      durations: [2, 3, 1, 4, 3], causes: [1, 1, 0, 2, 2], entries: [0, 1, 0, 2, 0], causeCount: 2)
    #expect(estimate.atRisk[1...4] == [3, 3, 3, 1])
    #expect(estimate.subjects == 5)
    let s: [Double] = [1, 1, 2.0 / 3, 2.0 / 9, 0]
    let f1: [Double] = [0, 0, 1.0 / 3, 5.0 / 9, 5.0 / 9]
    let f2: [Double] = [0, 0, 0, 2.0 / 9, 4.0 / 9]
    for t in 0...4 {
      #expect(abs(estimate.survival[t] - s[t]) < 1e-12)
      #expect(abs((estimate.incidence(of: 1, at: t) ?? -1) - f1[t]) < 1e-12)
      #expect(abs((estimate.incidence(of: 2, at: t) ?? -1) - f2[t]) < 1e-12)
      #expect(abs(estimate.survival[t] + f1[t] + f2[t] - 1) < 1e-12)
    }
    #expect(abs(estimate.greenwood[3] - 5.0 / 6) < 1e-12)
    #expect(abs(estimate.greenwood[4] - 5.0 / 6) < 1e-12)
    #expect(estimate.interval(at: 4).map { [$0.lower, $0.upper] } == [0, 0])
    #expect(estimate.median == 3)
  }

  /// G1: 1, 2, 3+; G2: 2, 3, 4. By hand (U = observed − expected for G1, V its variance):
  /// - t = 1: n = 3/3, D = 1: U = 1 − 1·3/6 = 0.5, V = 1·5/(36·5)·(6·3 − 9) = 0.25
  /// - t = 2: n = 2/3, D = 2: U += 1 − 2·2/5 = 0.2, V += 2·3/(25·4)·(5·2 − 4) = 0.36
  /// - t = 3: n = 1/2 (3+ still at risk), D = 1: U += 0 − 1/3, V += 1·2/(9·2)·(3 − 1) = 2/9
  /// - t = 4: N = 1, no variance. U = 11/30, V = 7.49/9, χ² = U²/V = 121/749 on 1 df.
  @Test func logRankByHand() throws {
    let g1 = SurvivalEstimate(durations: [1, 2, 3], causes: [1, 1, 0])
    let g2 = SurvivalEstimate(durations: [2, 3, 4], causes: [1, 1, 1])
    let test = try #require(LogRankTest([g1, g2]))
    #expect(abs(test.statistic - 121.0 / 749) < 1e-12)
    #expect(test.degreesOfFreedom == 1)
    #expect(LogRankTest([g1]) == nil)
  }

  /// χ²(1) at 3.841458820694124 (the 95 % quantile) leaves 0.05; with 2 df the tail is exp(−x/2):
  /// exp(−2) = 0.1353352832366127 at x = 4, exp(−25) at x = 50 (continued fraction branch).
  @Test func chiSquareTail() {
    #expect(abs(ChiSquareDistribution.upperTail(3.841458820694124, degreesOfFreedom: 1) - 0.05) < 1e-12)
    #expect(abs(ChiSquareDistribution.upperTail(4, degreesOfFreedom: 2) - 0.1353352832366127) < 1e-13)
    #expect(abs(ChiSquareDistribution.upperTail(1, degreesOfFreedom: 2) - 0.6065306597126334) < 1e-13)
    let far = ChiSquareDistribution.upperTail(50, degreesOfFreedom: 2)
    #expect(abs(far - 1.3887943864964021e-11) < 1e-22)
  }
}

/// `survival … by destination` on a tiny spells table, worked out by hand.
@Suite struct SurvivalDestinationTests {
  /// kontanthjælp spells (weeks of 2008, observation ends at W20, the largest week):
  /// person 1: W1–W2 then aktivering (2 weeks, → aktivering); person 2: W1–W4 then
  /// selvforsørgende (4 weeks); person 3: W1–W2 then aktivering (2 weeks); person 4: W1–W6,
  /// nothing after it in the table (6 weeks, → "(not in input)"); person 5: W17– running (4+).
  /// At risk: t = 2: 5, d = 2 (aktivering) → S = 3/5, F_akt = 2/5;
  /// t = 4: 3 (persons 2, 4, 5), d = 1 (selvforsørgende) → F_self = (3/5)(1/3) = 1/5, S = 2/5;
  /// t = 6: 1 (person 4), d = 1 → F_unknown = (2/5)(1/1) = 2/5, S = 0. Every 3 weeks up to the
  /// longest spell (6): week 3 adds up to 40 + 0 + 0 + 60 = 100, week 6 to 40 + 20 + 40 + 0.
  static let spells = SpellTable.make([
    (1, "A", 1, 2, "kontanthjælp"), (1, "A", 3, 20, "aktivering"),
    (2, "A", 1, 4, "kontanthjælp"), (2, "A", 5, nil, "selvforsørgende"),
    (3, "A", 1, 2, "kontanthjælp"), (3, "A", 3, nil, "aktivering"),
    (4, "A", 1, 6, "kontanthjælp"),
    (5, "A", 17, nil, "kontanthjælp"),
  ])

  @Test func incidencePerDestination() throws {
    var notes: [String] = []
    var survival = SurvivalAnalysis(statuses: ["kontanthjælp"], chosen: true, by: nil, step: 3)
    survival.byDestination = true
    let table = try survival.run(Self.spells, notes: &notes)
    let destinations = ["aktivering", "selvforsørgende", "(not in input)", "(still on)"]
    #expect(SpellTable.texts(table, "week") == ["3", "3", "3", "3", "6", "6", "6", "6"])
    #expect(SpellTable.texts(table, "destination") == destinations + destinations)
    #expect(SpellTable.texts(table, "events") == ["2", "0", "0", "NULL", "0", "1", "1", "NULL"])
    guard case .double(let incidence)? = table.column(named: "incidence_pct") else {
      Issue.record("no incidence_pct")
      return
    }
    let want: [Double] = [40, 0, 0, 60, 40, 20, 40, 0]
    for (got, expected) in zip(incidence.values, want) { #expect(abs(got - expected) < 1e-9) }
    #expect(notes.contains("(not in input): next spell filtered out of the input (use inflow, not where)"))
  }
}
