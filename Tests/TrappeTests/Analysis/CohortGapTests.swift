import Testing

@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery
@testable import TrappeAnalysis

/// `gap … cohort` on a small hand-made spells table (weeks of 2008), every expectation by hand.
@Suite struct CohortGapTests {
  /// Start 2008W01. Municipality A: persons 1–3 are in the cohort (kontanthjælp or starthjælp in
  /// W01); 4 (a-dagpenge) and 5 (aktivering in W01) are not. B: person 6 alone.
  static let spells = SpellTable.make([
    (1, "A", 1, 4, "kontanthjælp"), (1, "A", 5, nil, "selvforsørgende"),
    (2, "A", 1, 2, "kontanthjælp"), (2, "A", 3, 10, "aktivering"), (2, "A", 11, nil, "kontanthjælp"),
    (3, "A", 1, 13, "starthjælp"), (3, "A", 14, nil, "uddannelse"),
    (4, "A", 1, nil, "a-dagpenge"),
    (5, "A", 1, 20, "aktivering"), (5, "A", 21, nil, "selvforsørgende"),
    (6, "B", 1, nil, "kontanthjælp"),
  ])

  static func target(_ id: String, _ threshold: Double) -> CohortTarget {
    CohortTarget(
      id: id, comparison: .atLeast, threshold: threshold, source: "test", targetMonth: .month(2008, 2),
      effortStart: .month(2006, 7))
  }

  static let targets = [target("i_gang", 25), target("selvforsoergende", 15), target("aktivering", 40)]

  @Test func theCutOffIsTheLastWeekWhoseThursdayIsInTheMonth() {
    // 31 July 2007 is a Tuesday: its week's Thursday is 2 August, so July's last week is 23–29 July.
    #expect(CohortDefinition.lastWeek(of: .month(2007, 7)) == .week(2007, 30))
    // 31 July 2008 and 31 January 2008 are Thursdays.
    #expect(CohortDefinition.lastWeek(of: .month(2008, 7)) == .week(2008, 31))
    #expect(CohortDefinition.lastWeek(of: .month(2008, 1)) == .week(2008, 5))
    // 31 March 2008 is a Monday (Thursday 3 April): March's last week is 24–30 March.
    #expect(CohortDefinition.lastWeek(of: .month(2008, 3)) == .week(2008, 13))
    // 31 December 2008 is a Wednesday (Thursday 1 January 2009): 2008W52.
    #expect(CohortDefinition.lastWeek(of: .month(2008, 12)) == .week(2008, 52))
    // 1 January 2008 is a Tuesday (Thursday 3 January): 2008W01; 1 June 2007 is a Friday: 4 June, 2007W23.
    #expect(CohortDefinition.firstWeek(of: .month(2008, 1)) == .week(2008, 1))
    #expect(CohortDefinition.firstWeek(of: .month(2007, 6)) == .week(2007, 23))
  }

  @Test func byRoundCountsTheCohortFromItsStartToEachCutOff() throws {
    let rounds = [
      CohortCutOff(round: 1, roundMonth: .month(2008, 3), dataTil: .month(2008, 1)),
      CohortCutOff(round: 2, roundMonth: .month(2008, 5), dataTil: .month(2008, 3)),
    ]
    let gap = CohortGapOperator(
      targets: Self.targets, municipalities: .listed(["A"]), rounds: rounds, start: nil, lag: nil)
    var notes: [String] = []
    let out = try gap.run(Self.spells, notes: &notes)
    #expect(out.rowCount == 6)
    func column(_ name: String) -> [String] { SpellTable.texts(out, name) }
    #expect(column("cut_off") == ["2008W05", "2008W05", "2008W05", "2008W13", "2008W13", "2008W13"])
    // W01–W05: i_gang 1 of 3 (person 1 from W05); 15 weeks, 1 self-supporting; person 2's 3 weeks
    // of aktivering over 4 + 5 + 5 = 14 weeks on kontanthjælp, starthjælp or aktivering.
    // W01–W13: still 1 of 3 (person 3 starts education in W14); 39 weeks, 9 self-supporting;
    // 8 weeks of aktivering over 4 + 13 + 13 = 30.
    #expect(column("numerator") == ["1", "1", "3", "1", "9", "8"])
    #expect(column("denominator") == ["3", "15", "14", "3", "39", "30"])
    // 33.33, 6.67 (1/15), 21.43 (3/14); 33.33, 23.08 (9/39), 26.67 (8/30).
    #expect(column("value") == ["33.33", "6.67", "21.43", "33.33", "23.08", "26.67"])
    #expect(column("met") == ["true", "false", "false", "true", "true", "false"])
    // short: ceil(0.15 · 15 − 1) = 2; ceil(0.40 · 14 − 3) = 3; ceil(0.40 · 30 − 8) = 4.
    #expect(column("short") == ["0", "2", "3", "0", "0", "4"])
    // aktivering's pace over the 2 months 2008-01 → 2008-03: (26.667 − 21.429) / 2 = 2.62 points a month;
    // 13.33 points left / 2.62 = 5.09 → 6 months.
    #expect(column("pace_pp_month") == ["NULL", "NULL", "NULL", "0.0", "8.21", "2.62"])
    #expect(column("months_to_target") == ["0", "NULL", "NULL", "0", "0", "6"])
    #expect(column("trend") == ["met", "NULL", "NULL", "met", "met", "approaching"])
    // The target month 2008-02 ends with 2008W09: W05 is before it, W13 after it.
    #expect(column("after_target") == ["false", "false", "false", "true", "true", "true"])
    #expect(notes.contains { $0.hasPrefix("cohort: persons on kontanthjælp or starthjælp in 2008W01") })
  }

  @Test func withoutByItIsJudgedAtTheTargetDate() throws {
    let gap = CohortGapOperator(
      targets: Self.targets, municipalities: .all, rounds: nil, start: .week(2008, 1), lag: nil)
    var notes: [String] = []
    let out = try gap.run(Self.spells, notes: &notes)
    // Cut-off 2008W09 (February 2008). A: i_gang 1/3; 27 weeks, 5 self-supporting; aktivering 7 of
    // 4 + 9 + 9 = 22. B: person 6, 9 weeks on kontanthjælp, none in aktivering.
    #expect(SpellTable.texts(out, "kommune") == ["A", "A", "A", "B", "B", "B"])
    #expect(SpellTable.texts(out, "numerator") == ["1", "5", "7", "0", "0", "0"])
    #expect(SpellTable.texts(out, "denominator") == ["3", "27", "22", "1", "9", "9"])
    #expect(SpellTable.texts(out, "cut_off").allSatisfy { $0 == "2008W09" })
    #expect(out.column(named: "after_target") == nil)
  }

  @Test func aCutOffBeforeTheStartHasNoValue() throws {
    let rounds = [CohortCutOff(round: 1, roundMonth: .month(2008, 1), dataTil: .month(2007, 11))]
    let gap = CohortGapOperator(
      targets: [Self.target("i_gang", 25)], municipalities: .listed(["A"]), rounds: rounds, start: nil, lag: nil)
    var notes: [String] = []
    let out = try gap.run(Self.spells, notes: &notes)
    #expect(SpellTable.texts(out, "value") == ["NULL"])
    #expect(notes.contains { $0.hasPrefix("value NULL, cut-off outside 2008W01–") })
  }
}

/// The footer line of `gap … by runde` on the rolling measures.
@Suite struct GapRoundCalendarTests {
  @Test func namesTheRoundsAfterTheTargetDateAndTheUnevenSteps() throws {
    var months = PeriodColumnBuilder(unit: .month)
    for month in [Period.month(2007, 9), .month(2008, 1), .month(2008, 3), .month(2008, 9), .month(2009, 3)] {
      months.append(month)
    }
    let runder = Table([("runde", .int64(Int64Column([1, 2, 3, 4, 5]))), ("maaned", .period(months.finish()))])
    var til = PeriodColumnBuilder(unit: .month)
    til.append(Period.month(2008, 7))
    let maal = Table([("indsats_til", .period(til.finish()))])
    let calendar = try #require(GapRoundCalendar(runder: runder, maal: maal))
    // Sep 2007 → Jan 2008 → Mar 2008 → Sep 2008 → Mar 2009: 4, 2, 6 and 6 months; Sep 2008 and Mar 2009 are after July 2008.
    #expect(calendar.note.hasPrefix("round 4, 5 after the target date 2008-07 (maal.indsats_til); rounds 4, 2, 6, 6 months apart"))
    #expect(GapRoundCalendar(runder: nil, maal: maal) == nil)
  }
}
