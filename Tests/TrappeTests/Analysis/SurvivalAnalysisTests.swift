import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

/// `survival`: Kaplan–Meier worked out by hand on a textbook example.
@Suite struct SurvivalAnalysisTests {
  /// Durations 3, 5, 5+, 8, 10+, 12 in group A (observation ends 2008W20, so a spell starting
  /// in W16 is censored after 5 weeks and one starting in W11 after 10); group B has only
  /// censored spells; group C only an aktivering spell (no benefit spells).
  ///
  /// By hand, S(t) = Π (1 − d/n):
  /// - t = 3: n = 6, d = 1 → 5/6 = 0.8333
  /// - t = 5: n = 5 (5, 5+, 8, 10+, 12: the censored 5+ is still at risk), d = 1 → 5/6 · 4/5 = 2/3
  /// - t = 8: n = 3, d = 1 → 2/3 · 2/3 = 4/9 = 0.4444 (first S ≤ 0.5: median 8)
  /// - t = 10: censoring only; t = 12: n = 1, d = 1 → 0
  static let spells = SpellTable.make([
    (1, "A", 1, 3, "kontanthjælp"), (2, "A", 1, 5, "kontanthjælp"), (3, "A", 16, nil, "kontanthjælp"),
    (4, "A", 1, 8, "a-dagpenge"), (5, "A", 11, nil, "sygedagpenge"), (6, "A", 1, 12, "starthjælp"),
    (7, "B", 15, nil, "kontanthjælp"), (8, "B", 18, nil, "kontanthjælp"),
    (9, "C", 1, 20, "aktivering"),
  ])

  @Test func textbookExample() {
    let exits = [0, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 1]
    let censored = [0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]
    let km = KaplanMeier(exits: exits[...], censored: censored[...])
    #expect(abs((km.survival(at: 3) ?? -1) - 5.0 / 6) < 1e-12)
    #expect(abs((km.survival(at: 5) ?? -1) - 2.0 / 3) < 1e-12)
    #expect(abs((km.survival(at: 9) ?? -1) - 4.0 / 9) < 1e-12)
    #expect(km.survival(at: 12) == 0)
    #expect(km.survival(at: 50) == 0)
    #expect(km.median == 8)
    #expect(km.atRisk(after: 4) == 5)
    #expect(km.atRisk(after: 5) == 3)
    #expect(km.exits(after: 4, through: 8) == 2)
    #expect(km.spells == 6 && km.censoredCount == 2 && km.longest == 12)
  }

  @Test func allCensoredNeverReachesTheMedian() {
    let km = KaplanMeier(exits: [0, 0, 0, 0][...], censored: [0, 0, 1, 1][...])
    #expect(km.median == nil)
    #expect(km.survival(at: 3) == 1)
    #expect(km.survival(at: 4) == nil)  // after the last censored spell: undefined
  }

  @Test func groupsWithTheirOwnCurves() throws {
    var notes: [String] = []
    let survival = SurvivalAnalysis(
      statuses: ["kontanthjælp", "starthjælp", "sygedagpenge", "a-dagpenge"], chosen: true,
      by: PlanColumn(name: "kommune", type: .string), step: 4)
    let table = try survival.run(Self.spells, notes: &notes)
    // A: weeks 4, 8, 12 (longest spell 12 weeks); B: the same weeks, all censored.
    #expect(SpellTable.texts(table, "kommune") == ["A", "A", "A", "B", "B", "B"])
    #expect(SpellTable.texts(table, "week") == ["4", "8", "12", "4", "8", "12"])
    #expect(SpellTable.texts(table, "at_risk") == ["6", "5", "2", "2", "1", "0"])
    #expect(SpellTable.texts(table, "events") == ["1", "2", "1", "0", "0", "0"])
    #expect(SpellTable.texts(table, "still_on_pct") == ["83.3", "44.4", "0.0", "100.0", "NULL", "NULL"])
    #expect(notes.contains("kommune=A: 6 spells, 2 censored, median 8 weeks"))
    #expect(notes.contains("kommune=B: 2 spells, 2 censored, median not reached"))
    #expect(notes.contains("no spells with these statuses: kommune=C"))
  }

  @Test func defaultWeeksAndChosenStatuses() throws {
    var notes: [String] = []
    let survival = SurvivalAnalysis(statuses: ["kontanthjælp"], chosen: true, by: nil, step: nil)
    let table = try survival.run(Self.spells, notes: &notes)
    #expect(SpellTable.texts(table, "week") == ["4", "8", "13", "26", "52", "78", "104"])
    // kontanthjælp: 3, 5, 5+, 3+ (B, W18), 6+ (B, W15): S(4) = 4/5 (n = 5 at t = 3, the 3+ still at
    // risk); S(5) = 4/5 · 2/3 = 0.533 (n = 3); S(8) is undefined: the longest spell (6+) is censored.
    #expect(SpellTable.texts(table, "still_on_pct").prefix(2) == ["80.0", "NULL"])
    #expect(notes.contains("all: 5 spells, 3 censored, median not reached"))
  }

  func failure(_ command: String) -> Diagnostic? {
    let captured = CapturedSession()
    captured.add("spells", Self.spells)
    guard case .failure(let diagnostic) = captured.session.run(command) else { return nil }
    return diagnostic
  }

  @Test func errorsNameTheProblem() throws {
    let unknown = try #require(failure("spells | survival for kontanthjaelp"))
    #expect(unknown.message == "no spell has the status 'kontanthjaelp'")
    #expect(unknown.hints.first == "did you mean 'kontanthjælp'?")
    let column = try #require(failure("spells | survival by kommne"))
    #expect(column.hints.first == "did you mean 'kommune'?")
    #expect(try #require(failure("spells | survival weeks 0")).message.hasPrefix("'weeks' takes a whole number"))
    #expect(try #require(failure("spells | select person | survival")).message.contains("start_uge"))
  }
}
