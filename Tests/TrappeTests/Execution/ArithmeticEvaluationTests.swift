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

@Suite struct ArithmeticEvaluationTests {
  let t = S.table(S.ints([7, -7, nil, 10]), S.ints([2, 2, 3, 0]), S.doubles([1.5, nil, 2, 4]))

  @Test func integerOperatorsStayIntegersAndPropagateNull() {
    #expect(S.run(.arithmetic(.add, S.col(0, .int64), S.col(1, .int64), .int64), t) == [.int64(9), .int64(-5), .null, .int64(10)])
    #expect(S.run(.arithmetic(.subtract, S.col(0, .int64), S.int(1), .int64), t) == [.int64(6), .int64(-8), .null, .int64(9)])
    #expect(S.run(.arithmetic(.multiply, S.int(3), S.col(0, .int64), .int64), t) == [.int64(21), .int64(-21), .null, .int64(30)])
    #expect(S.run(.arithmetic(.add, S.col(0, .int64), S.null(.int64), .int64), t) == [.null, .null, .null, .null])
  }

  @Test func divisionIsAlwaysDouble() {
    let e = BoundExpression.arithmetic(.divide, S.int(3), S.int(4), .double)
    #expect(S.run(e, t) == [.double(0.75), .double(0.75), .double(0.75), .double(0.75)])
    #expect(S.run(.arithmetic(.divide, S.col(0, .int64), S.col(1, .int64), .double), t)[0] == .double(3.5))
  }

  @Test func divisionAndRemainderByZeroGiveNullAndCount() {
    var w = EvaluationWarnings()
    let e = BoundExpression.arithmetic(.divide, S.col(0, .int64), S.col(1, .int64), .double)
    #expect(S.run(e, t, &w) == [.double(3.5), .double(-3.5), .null, .null])
    #expect(w.divisionsByZero == 1)  // the NULL row is not counted
    let r = BoundExpression.arithmetic(.remainder, S.col(0, .int64), S.col(1, .int64), .int64)
    #expect(S.run(r, t, &w) == [.int64(1), .int64(-1), .null, .null])
    #expect(w.divisionsByZero == 2)
    let d = BoundExpression.arithmetic(.divide, S.col(2, .double), S.dbl(0), .double)
    #expect(S.run(d, t, &w) == [.null, .null, .null, .null])
    #expect(w.divisionsByZero == 5)
    #expect(w.messages == ["5 divisions by zero gave NULL"])
  }

  @Test func integerOverflowGivesNull() {
    var w = EvaluationWarnings()
    let big = S.table(S.ints([Int64.max, 1, Int64.min]))
    #expect(S.run(.arithmetic(.add, S.col(0, .int64), S.int(1), .int64), big, &w) == [.null, .int64(2), .int64(Int64.min + 1)])
    #expect(S.run(.arithmetic(.multiply, S.col(0, .int64), S.int(2), .int64), big, &w) == [.null, .int64(2), .null])
    #expect(S.run(.negate(S.col(0, .int64)), big, &w) == [.int64(-Int64.max), .int64(-1), .null])
    #expect(S.run(.arithmetic(.remainder, S.col(0, .int64), S.int(-1), .int64), big, &w) == [.int64(0), .int64(0), .int64(0)])
    #expect(w.overflows == 4)
    #expect(w.messages == ["4 integer overflows gave NULL"])
  }

  @Test func doublesAndMixedOperands() {
    #expect(S.run(.arithmetic(.multiply, S.col(2, .double), S.dbl(2), .double), t) == [.double(3), .null, .double(4), .double(8)])
    // Mixed without the binder's cast: handled defensively.
    #expect(S.run(.arithmetic(.add, S.col(0, .int64), S.col(2, .double), .double), t) == [.double(8.5), .null, .null, .double(14)])
    #expect(S.run(.arithmetic(.add, S.cast(S.col(0, .int64)), S.col(2, .double), .double), t)[0] == .double(8.5))
    #expect(S.run(.arithmetic(.remainder, S.dbl(7.5), S.dbl(2), .double), t)[0] == .double(1.5))
    #expect(S.run(.negate(S.col(2, .double)), t) == [.double(-1.5), .null, .double(-2), .double(-4)])
  }

  @Test func periodArithmeticCrossesYearBoundaries() {
    let p = S.table(S.periods(.quarter, [.quarter(2008, 4), nil, .quarter(2009, 1)]))
    let plus = BoundExpression.arithmetic(.add, S.col(0, .period), S.int(1), .period)
    #expect(S.run(plus, p) == [.period(.quarter(2009, 1)), .null, .period(.quarter(2009, 2))])
    let minus = BoundExpression.arithmetic(.subtract, S.col(0, .period), S.int(4), .period)
    #expect(S.run(minus, p)[0] == .period(.quarter(2007, 4)))
    let intPlus = BoundExpression.arithmetic(.add, S.int(1), S.col(0, .period), .period)
    #expect(S.run(intPlus, p)[2] == .period(.quarter(2009, 2)))
    let diff = BoundExpression.arithmetic(.subtract, S.col(0, .period), .literal(.period(.quarter(2008, 1)), .period), .int64)
    #expect(S.run(diff, p) == [.int64(3), .null, .int64(4)])
    let months = S.table(S.periods(.month, [.month(2008, 12)]))
    #expect(S.run(.arithmetic(.add, S.col(0, .period), S.int(1), .period), months) == [.period(.month(2009, 1))])
  }
}
