import Glibc
import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

private typealias S = EvaluationTestSupport

@Suite struct ScalarFunctionEvaluationTests {
  private func call(_ f: ScalarFunction, _ args: [BoundExpression], _ type: DataType) -> BoundExpression {
    .call(f, args, type)
  }

  @Test func roundHalfAwayFromZero() {
    let t = S.table(S.doubles([2.5, -2.5, 1.005, 2.675, nil, 1234.5]), S.ints([1250, -1250, 7, 5, nil, 1249]))
    #expect(S.run(call(.round, [S.col(0, .double)], .double), t) == [.double(3), .double(-3), .double(1), .double(3), .null, .double(1235)])
    #expect(S.run(call(.round, [S.col(0, .double), S.int(2)], .double), t)[2] == .double(1.01))
    #expect(S.run(call(.round, [S.col(0, .double), S.int(2)], .double), t)[3] == .double(2.68))
    #expect(S.run(call(.round, [S.col(0, .double), S.int(-2)], .double), t)[5] == .double(1200))
    #expect(S.run(call(.round, [S.col(1, .int64), S.int(0)], .int64), t) == [.int64(1250), .int64(-1250), .int64(7), .int64(5), .null, .int64(1249)])
    #expect(S.run(call(.round, [S.col(1, .int64), S.int(-2)], .int64), t) == [.int64(1300), .int64(-1300), .int64(0), .int64(0), .null, .int64(1200)])
    #expect(S.run(call(.round, [S.col(0, .double), S.null(.int64)], .double), t) == Array(repeating: .null, count: 6))
  }

  @Test func roundBeyondTheDoubleRangeOfDigits() {
    // D17. DuckDB 2.0.1: round(123.456::double, -309) = 0.0, round(-5.0::double, -400) = 0.0 (10^309 is
    // inf, and 0 * inf was NaN); round(1.7e308::double, -308) = 1.7e308 (2e308 would be inf, DuckDB keeps x).
    let t = S.table(S.doubles([123.456, -5.0, 1.7e308]))
    #expect(S.run(call(.round, [S.col(0, .double), S.int(-309)], .double), t)[0] == .double(0))
    #expect(S.run(call(.round, [S.col(0, .double), S.int(-400)], .double), t)[1] == .double(0))
    #expect(S.run(call(.round, [S.col(0, .double), S.int(-308)], .double), t)[2] == .double(1.7e308))
    // The per-row digits path gives the same answers.
    let d = S.table(S.doubles([123.456, -5.0]), S.ints([-309, -400]))
    #expect(S.run(call(.round, [S.col(0, .double), S.col(1, .int64)], .double), d) == [.double(0), .double(0)])
  }

  @Test func absFloorCeil() {
    let t = S.table(S.doubles([-1.5, 2.5, nil]), S.ints([-3, 4, nil]))
    #expect(S.run(call(.abs, [S.col(0, .double)], .double), t) == [.double(1.5), .double(2.5), .null])
    #expect(S.run(call(.abs, [S.col(1, .int64)], .int64), t) == [.int64(3), .int64(4), .null])
    // floor/ceil give ints (SQL: CAST(floor(x) AS BIGINT)): floor(-1.5) = -2, ceil(-1.5) = -1.
    #expect(S.run(call(.floor, [S.col(0, .double)], .int64), t) == [.int64(-2), .int64(2), .null])
    #expect(S.run(call(.ceil, [S.col(0, .double)], .int64), t) == [.int64(-1), .int64(3), .null])
    #expect(S.run(call(.floor, [S.col(1, .int64)], .int64), t) == [.int64(-3), .int64(4), .null])
    // 1e19 > Int64.max (about 9.22e18) overflows; NaN and -inf are out of range; -0.5 floors to -1.
    var r = EvaluationWarnings()
    let edges = S.table(S.doubles([1e19, .nan, -.infinity, -0.5]))
    #expect(S.run(call(.floor, [S.col(0, .double)], .int64), edges, &r) == [.null, .null, .null, .int64(-1)])
    #expect(r.overflows == 1 && r.invalidArguments == 2)
    var w = EvaluationWarnings()
    #expect(S.run(call(.abs, [S.col(0, .int64)], .int64), S.table(S.ints([Int64.min])), &w) == [.null])
    #expect(w.overflows == 1)
  }

  @Test func lnAndSqrtOutsideTheirDomainGiveNull() {
    let t = S.table(S.doubles([1, 0, -1, nil, 4]))
    var w = EvaluationWarnings()
    #expect(S.run(call(.ln, [S.col(0, .double)], .double), t, &w) == [.double(0), .null, .null, .null, .double(Glibc.log(4.0))])
    #expect(w.invalidArguments == 2)
    #expect(S.run(call(.sqrt, [S.col(0, .double)], .double), t, &w) == [.double(1), .double(0), .null, .null, .double(2)])
    #expect(w.invalidArguments == 3)
    #expect(S.run(call(.sqrt, [S.cast(S.int(9))], .double), t, &w)[0] == .double(3))
  }

  @Test func lowerAndUpperWorkOnDanishLetters() {
    let t = S.table(S.strings(["ÆØÅ", "æøå", nil, "Århus"]))
    #expect(S.run(call(.lower, [S.col(0, .string)], .string), t) == [.string("æøå"), .string("æøå"), .null, .string("århus")])
    #expect(S.run(call(.upper, [S.col(0, .string)], .string), t) == [.string("ÆØÅ"), .string("ÆØÅ"), .null, .string("ÅRHUS")])
    // Entries that become equal share one code, so grouping by code stays right.
    var w = EvaluationWarnings()
    let lowered = ExpressionEvaluator.evaluate(call(.lower, [S.col(0, .string)], .string), on: t, warnings: &w)
    if case .string(let c) = lowered {
      #expect(c.dictionary == ["æøå", "århus"])
      #expect(c.code(at: 0) == c.code(at: 1))
    } else {
      Issue.record("not a string column")
    }
  }

  @Test func stringPredicatesAndLength() {
    let t = S.table(S.strings(["Gladsaxe", "Aarhus", nil, "Sæby"]), S.strings(["sax", "Aar", "x", "by"]))
    #expect(S.run(call(.contains, [S.col(0, .string), S.str("sa")], .bool), t) == [.bool(true), .bool(false), .null, .bool(false)])
    #expect(S.run(call(.startswith, [S.col(0, .string), S.str("Aa")], .bool), t) == [.bool(false), .bool(true), .null, .bool(false)])
    #expect(S.run(call(.endswith, [S.col(0, .string), S.str("by")], .bool), t) == [.bool(false), .bool(false), .null, .bool(true)])
    #expect(S.run(call(.contains, [S.col(0, .string), S.col(1, .string)], .bool), t) == [.bool(true), .bool(true), .null, .bool(true)])
    #expect(S.run(call(.contains, [S.col(0, .string), S.null(.string)], .bool), t) == [.null, .null, .null, .null])
    #expect(S.run(call(.length, [S.col(0, .string)], .int64), t) == [.int64(8), .int64(6), .null, .int64(4)])
  }

  @Test func periodParts() {
    let months = S.table(S.periods(.month, [.month(2008, 11), nil]))
    #expect(S.run(call(.year, [S.col(0, .period)], .int64), months) == [.int64(2008), .null])
    #expect(S.run(call(.quarter, [S.col(0, .period)], .int64), months) == [.int64(4), .null])
    #expect(S.run(call(.month, [S.col(0, .period)], .int64), months) == [.int64(11), .null])
    #expect(S.run(call(.week, [S.col(0, .period)], .int64), months) == [.null, .null])
    let weeks = S.table(S.periods(.week, [.week(2009, 1), .week(2008, 52)]))
    #expect(S.run(call(.week, [S.col(0, .period)], .int64), weeks) == [.int64(1), .int64(52)])
    #expect(S.run(call(.year, [S.col(0, .period)], .int64), weeks) == [.int64(2009), .int64(2008)])
    // A week is in the month and quarter of its Thursday (by hand from a calendar): 2009W01 runs
    // Mon 29 Dec 2008 – Sun 4 Jan 2009, Thursday 1 Jan → 1; 2008W52: Thursday 25 Dec → 12;
    // 2007W05: Thursday 1 Feb → 2 (its Monday is 29 Jan); 2009W14: Thursday 2 Apr → 4, quarter 2
    // (its Monday is 30 Mar); 2009W53: Thursday 31 Dec → 12.
    let edges = S.table(S.periods(.week, [.week(2009, 1), .week(2008, 52), .week(2007, 5), .week(2009, 14), .week(2009, 53), nil]))
    #expect(S.run(call(.month, [S.col(0, .period)], .int64), edges) == [.int64(1), .int64(12), .int64(2), .int64(4), .int64(12), .null])
    #expect(S.run(call(.quarter, [S.col(0, .period)], .int64), edges) == [.int64(1), .int64(4), .int64(1), .int64(2), .int64(4), .null])
    let quarters = S.table(S.periods(.quarter, [.quarter(2008, 3)]))
    #expect(S.run(call(.month, [S.col(0, .period)], .int64), quarters) == [.null])
    #expect(S.run(call(.quarter, [S.col(0, .period)], .int64), quarters) == [.int64(3)])
  }

  @Test func periodFromIntsAndText() {
    let t = S.table(S.ints([2008, nil]))
    #expect(S.run(call(.period, [S.col(0, .int64)], .period), t) == [.period(.year(2008)), .null])
    var w = EvaluationWarnings()
    let text = S.table(S.strings(["2008K3", "nonsense", nil, "2009Q1", "2009-01"]))
    #expect(S.run(call(.period, [S.col(0, .string)], .period), text, &w) == [.period(.quarter(2008, 3)), .null, .null, .period(.quarter(2009, 1)), .null])
    #expect(w.failedConversions == 1)
    #expect(w.periodUnitMismatches == 1)
  }

  @Test func conversions() {
    let t = S.table(S.ints([42, nil]), S.doubles([-2.7, 0.75]), S.strings([" 17 ", "abc"]), S.periods(.quarter, [.quarter(2008, 3), nil]))
    #expect(S.run(call(.string, [S.col(0, .int64)], .string), t) == [.string("42"), .null])
    #expect(S.run(call(.string, [S.col(1, .double)], .string), t) == [.string("-2.7"), .string("0.75")])
    #expect(S.run(call(.string, [S.col(3, .period)], .string), t) == [.string("2008Q3"), .null])
    #expect(S.run(call(.string, [.literal(.bool(true), .bool)], .string), t) == [.string("true"), .string("true")])
    var w = EvaluationWarnings()
    #expect(S.run(call(.int, [S.col(1, .double)], .int64), t, &w) == [.int64(-2), .int64(0)])
    #expect(S.run(call(.int, [S.col(2, .string)], .int64), t, &w) == [.int64(17), .null])
    #expect(S.run(call(.int, [S.dbl(.nan)], .int64), t, &w) == [.null, .null])
    #expect(S.run(call(.double, [S.col(0, .int64)], .double), t, &w) == [.double(42), .null])
    #expect(S.run(call(.double, [S.str("2.5")], .double), t, &w) == [.double(2.5), .double(2.5)])
    #expect(w.failedConversions == 3)
    #expect(w.messages == ["3 values that could not be converted gave NULL"])
  }

  @Test func warningsDescribeThemselves() {
    var w = EvaluationWarnings()
    #expect(w.messages.isEmpty && w.isEmpty)
    w.divisionsByZero = 1
    w.invalidArguments = 2
    #expect(w.messages == ["1 division by zero gave NULL", "2 function arguments out of range gave NULL"])
  }
}
