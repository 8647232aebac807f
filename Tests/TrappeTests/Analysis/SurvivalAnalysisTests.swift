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

  /// Delayed entry by hand: subjects (duration, event, entry) = (3, exit, 0), (5, exit, 2), (6, censored, 4).
  /// At risk in week t when entry < t ≤ duration:
  /// - t = 1, 2: only the first → n = 1; t = 3: first and second (entry 2 < 3) → n = 2, one exit → S = 1/2
  /// - t = 4: second only (the third enters after 4) → n = 1; t = 5: second and third → n = 2, one exit → S = 1/4
  /// - t = 6: third, censored → S stays 1/4.
  @Test func delayedEntry() {
    let km = KaplanMeier(durations: [3, 5, 6], events: [true, true, false], entries: [0, 2, 4])
    #expect(km.atRisk[1] == 1 && km.atRisk[3] == 2 && km.atRisk[4] == 1 && km.atRisk[5] == 2 && km.atRisk[6] == 1)
    #expect(abs((km.survival(at: 3) ?? -1) - 0.5) < 1e-12)
    #expect(abs((km.survival(at: 5) ?? -1) - 0.25) < 1e-12)
    #expect(km.survival(at: 7) == nil)
    #expect(km.median == 3 && km.delayedCount == 2 && km.spells == 3)
  }

  /// Person 1: kontanthjælp W1–3, aktivering W4–6, kontanthjælp W7–9, selvforsørgende W10– (running);
  /// person 2: kontanthjælp W1–4, sygedagpenge W5– (running); the data end in 2008W20 (no manifest).
  static let support = SpellTable.make([
    (1, "A", 1, 3, "kontanthjælp"), (1, "A", 4, 6, "aktivering"), (1, "A", 7, 9, "kontanthjælp"),
    (1, "A", 10, nil, "selvforsørgende"), (2, "A", 1, 4, "kontanthjælp"), (2, "A", 5, 20, "sygedagpenge"),
  ])

  @Test func supportUntilAndFirst() throws {
    // on support: person 1 one spell W1–9 (9 weeks, exit to selvforsørgende); person 2 W1–20 (20
    // weeks), ending without a next spell in the input: counted as an exit, and the footer says so.
    var notes: [String] = []
    var survival = SurvivalAnalysis(statuses: ["kontanthjælp"], chosen: true, by: nil, step: 9)
    survival.support = true
    var table = try survival.run(Self.support, notes: &notes)
    #expect(SpellTable.texts(table, "week") == ["9", "18"])
    #expect(SpellTable.texts(table, "events") == ["1", "0"])
    #expect(SpellTable.texts(table, "still_on_pct") == ["50.0", "50.0"])
    #expect(notes.contains("censored: still running at 2008W20, the last week in the data (no manifest)"))
    #expect(notes.contains("all: 2 support spells, 0 censored, median 9 weeks"))
    #expect(notes.contains("1 ended spells have no next spell of the person in the input"))
    // Plain spells until selvforsørgende: person 1's W1–3 (to aktivering) and person 2's W1–4 (to
    // sygedagpenge) are censored; W7–9 ends in the event after 3 weeks: at t = 3, n = 3 → S = 2/3.
    notes = []
    survival = SurvivalAnalysis(statuses: ["kontanthjælp"], chosen: true, by: nil, step: 3)
    survival.until = ["selvforsørgende"]
    table = try survival.run(Self.support, notes: &notes)
    #expect(SpellTable.texts(table, "still_on_pct").first == "66.7")
    #expect(notes.contains("all: 3 spells, 2 censored, median not reached"))
    // first: one spell per person (W1–3 and W1–4, both exits): S(3) = 1/2, S(4) = 0.
    notes = []
    survival = SurvivalAnalysis(statuses: ["kontanthjælp"], chosen: true, by: nil, step: 2)
    survival.firstOnly = true
    table = try survival.run(Self.support, notes: &notes)
    #expect(SpellTable.texts(table, "still_on_pct") == ["100.0", "0.0"])
    #expect(notes.contains("first: each person's first spell (1 later ones left out)"))
  }

  /// A manifest's window censors at its end whatever the rows say.
  @Test func windowFromTheManifest() throws {
    #expect(ObservationWindow(period: "2007W01–2009W26 (illustrative)", dataset: "f")?.text == "2007W01–2009W26")
    #expect(ObservationWindow(period: "2007–2022", dataset: "f") == nil)
    var notes: [String] = []
    var survival = SurvivalAnalysis(statuses: ["kontanthjælp"], chosen: true, by: nil, step: 30)
    survival.window = ObservationWindow(
      first: Period.week(2008, 1).ordinal, last: Period.week(2008, 30).ordinal, dataset: "spells")
    // kontanthjælp spells of `spells`: 3, 5, W16–(running → W30: 15 weeks), W15–(16 weeks), W18–(13 weeks).
    let table = try survival.run(Self.spells, notes: &notes)
    #expect(SpellTable.texts(table, "at_risk") == ["5"])
    #expect(notes.contains("censored: still running at 2008W30, the end of spells's window (manifest)"))
    #expect(notes.contains("2 spells running at 2008W01 are counted from there, not from"))
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
