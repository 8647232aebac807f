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

/// `flow`: statuses at two weeks, counts and row percentages worked out by hand.
@Suite struct FlowAnalysisTests {
  /// Observation ends in 2008W20 (the largest week).
  /// At W03 / W15: p1 kontanthjælp → aktivering, p2 and p3 kontanthjælp → kontanthjælp,
  /// p4 has no spell in W03 (ikke i data) → aktivering; p5 is only seen in W18–W20.
  static let spells = SpellTable.make([
    (1, "A", 1, 10, "kontanthjælp"), (1, "A", 11, nil, "aktivering"),
    (2, "A", 1, 20, "kontanthjælp"),
    (3, "B", 1, nil, "kontanthjælp"),
    (4, "B", 5, 20, "aktivering"),
    (5, "B", 18, 20, "kontanthjælp"),
  ])

  func point(_ week: Int) -> FlowPoint { FlowPoint(week: Period.week(2008, week), label: Period.week(2008, week).description) }

  @Test func countsAndRowPercentages() throws {
    var notes: [String] = []
    let flow = FlowAnalysis(from: point(3), to: point(15), by: nil)
    let table = try flow.run(Self.spells, notes: &notes)
    // kontanthjælp at W03: 3 persons, 2 stay (66.7 %), 1 goes to aktivering (33.3 %).
    #expect(SpellTable.texts(table, "from_status") == ["ikke i data", "kontanthjælp", "kontanthjælp"])
    #expect(SpellTable.texts(table, "to_status") == ["aktivering", "kontanthjælp", "aktivering"])
    #expect(SpellTable.texts(table, "persons") == ["1", "2", "1"])
    #expect(SpellTable.texts(table, "row_pct") == ["100.0", "66.7", "33.3"])
    #expect(notes.first == "4 persons, from 2008W03 to 2008W15")
    #expect(notes.contains("1 persons with no spell in either week are left out"))
  }

  @Test func rowPercentagesWithinGroups() throws {
    var notes: [String] = []
    let by = PlanColumn(name: "kommune", type: .string)
    let table = try FlowAnalysis(from: point(3), to: point(15), by: by).run(Self.spells, notes: &notes)
    // A: p1 kontanthjælp → aktivering, p2 kontanthjælp → kontanthjælp (50 % each);
    // B: p3 kontanthjælp → kontanthjælp (100 %), p4 ikke i data → aktivering (100 %).
    #expect(SpellTable.texts(table, "kommune") == ["A", "A", "B", "B"])
    #expect(SpellTable.texts(table, "from_status") == ["kontanthjælp", "kontanthjælp", "ikke i data", "kontanthjælp"])
    #expect(SpellTable.texts(table, "to_status") == ["aktivering", "kontanthjælp", "aktivering", "kontanthjælp"])
    #expect(SpellTable.texts(table, "row_pct") == ["50.0", "50.0", "100.0", "100.0"])
  }

  @Test func monthsAndRoundsMeanTheWeekOfThe15th() {
    // 15 September 2007 is a Saturday in 2007W37; 15 March 2009 a Sunday in 2009W11; 15 March 2008 in 2008W11.
    #expect(FlowPoint.weekContainingFifteenth(of: .month(2007, 9)) == .week(2007, 37))
    #expect(FlowPoint.weekContainingFifteenth(of: .month(2009, 3)) == .week(2009, 11))
    #expect(FlowPoint.weekContainingFifteenth(of: .month(2008, 3)) == .week(2008, 11))
    // 15 January 2010 is in 2010W02 (2010W01 starts on 4 January).
    #expect(FlowPoint.weekContainingFifteenth(of: .month(2010, 1)) == .week(2010, 2))
  }

  func failure(_ command: String) -> Diagnostic? {
    let captured = CapturedSession()
    captured.add("spells", Self.spells)
    guard case .failure(let diagnostic) = captured.session.run(command) else { return nil }
    return diagnostic
  }

  @Test func aPointOutsideTheDataIsAClearError() throws {
    let diagnostic = try #require(failure("spells | flow from 2008W03 to 2009W05"))
    #expect(diagnostic.message == "2009W05 is outside the data: the spells cover 2008W01–2008W20")
  }

  @Test func fromAfterToIsAnError() throws {
    let diagnostic = try #require(failure("spells | flow from 2008W15 to 2008W03"))
    #expect(diagnostic.message == "'from' (2008W15) is after 'to' (2008W03)")
  }

  @Test func anUnknownByColumnSuggestsTheNearest() throws {
    let diagnostic = try #require(failure("spells | flow from 2008W03 to 2008W15 by komune"))
    #expect(diagnostic.message == "no column named 'komune'")
    #expect(diagnostic.hints.first == "did you mean 'kommune'?")
  }

  @Test func missingClausesAndUnknownRoundsAreErrors() throws {
    #expect(try #require(failure("spells | flow from 1")).message == "flow needs both 'from' and 'to'")
    #expect(try #require(failure("flow from 1 to 7")).message == "there is no round 7")
    #expect(try #require(failure("flow from 1 to 5 k=3")).message == "flow does not take 'k'")
  }

  @Test func roundsRunOnForloeb() {
    let captured = CapturedSession()
    #expect(captured.session.run(".width 200") == .success)
    #expect(captured.session.run("flow from 1 to 5 by herkomst") == .success, "\(captured.errors)")
    // A round is the data it had: the last ISO week of runder.data_til's month. 31 July 2007 is a
    // Tuesday whose Thursday (2 August) is in August, so July's last week is the one before:
    // Monday 23 July, 2007W30. 31 January 2009 is a Saturday whose Thursday (29 January) is in
    // January: 2009W05.
    #expect(
      captured.standard.contains(
        "from 2007W30 (round 1, 2007-09, data to 2007-07) to 2009W05 (round 5, 2009-03, data to 2009-01)"),
      "\(captured.standard)")
  }
}
