import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct PeriodTests {
  @Test(arguments: [
    ("2008", "2008"), ("2008Q3", "2008Q3"), ("2008K3", "2008Q3"), ("2008k1", "2008Q1"),
    ("2008-09", "2008-09"), ("2008M09", "2008-09"), ("2008W12", "2008W12"), ("2008-W01", "2008W01"),
    ("2008U52", "2008W52"), ("2009W53", "2009W53"),
  ])
  func parsesAndSpellsCanonically(input: String, canonical: String) throws {
    let period = try #require(Period(input))
    #expect(period.description == canonical)
  }

  @Test(arguments: ["", "20", "2008Q5", "2008Q0", "2008-13", "2008W54", "2008W53", "2008X3", "200812", "2008 3", "abcd"])
  func rejectsMalformedPeriods(input: String) {
    #expect(Period(input) == nil)
  }

  @Test func arithmeticCrossesYearBoundaries() throws {
    #expect(Period.quarter(2008, 4).next == .quarter(2009, 1))
    #expect(Period.quarter(2009, 1).previous == .quarter(2008, 4))
    #expect(Period.month(2008, 1).previous.description == "2007-12")
    #expect(Period.year(2008).advanced(by: -3).description == "2005")
    // 2008 has 52 ISO weeks, 2009 has 53.
    #expect(Period.week(2008, 52).next.description == "2009W01")
    #expect(Period.week(2009, 53).next.description == "2010W01")
    #expect(Period.week(2010, 1).previous.description == "2009W53")
  }

  @Test func isoWeeksMatchTheCalendar() throws {
    // 1 January 2008 was a Tuesday, so it falls in 2008W01; 29 December 2008 (Monday) starts 2009W01.
    let first = Period.week(2008, 1)
    let days = CivilDate.referenceMonday + Int(first.ordinal) * 7
    #expect(CivilDate.civil(fromDays: days) == (2007, 12, 31))
    let next = Period.week(2009, 1)
    let nextDays = CivilDate.referenceMonday + Int(next.ordinal) * 7
    #expect(CivilDate.civil(fromDays: nextDays) == (2008, 12, 29))
  }

  @Test func componentsAndOrdering() {
    let month = Period.month(2008, 9)
    #expect(month.year == 2008)
    #expect(month.quarter == 3)
    #expect(month.month == 9)
    #expect(Period.week(2008, 12).week == 12)
    #expect(Period.quarter(2008, 3) < Period.quarter(2008, 4))
    #expect(Period.year(1999) < Period.year(2000))
  }

  @Test func civilDateRoundTrips() {
    for days in stride(from: -800_000, through: 800_000, by: 997) {
      let (y, m, d) = CivilDate.civil(fromDays: days)
      #expect(CivilDate.days(year: y, month: m, day: d) == days)
    }
  }
}
