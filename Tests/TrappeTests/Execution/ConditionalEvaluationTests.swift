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

@Suite struct ConditionalEvaluationTests {
  let t = S.table(S.ints([1, 5, nil, 10]), S.strings(["a", nil, "c", "d"]), S.strings(["x", "y", nil, nil]))

  @Test func firstTrueBranchWinsAndNullConditionFallsThrough() {
    let e = BoundExpression.conditional(
      [
        BoundCaseBranch(condition: .comparison(.less, S.col(0, .int64), S.int(3)), value: S.str("small")),
        BoundCaseBranch(condition: .comparison(.less, S.col(0, .int64), S.int(8)), value: S.col(1, .string)),
      ], otherwise: S.str("other"), .string)
    #expect(S.run(e, t) == [.string("small"), .null, .string("other"), .string("other")])
    let noElse = BoundExpression.conditional(
      [BoundCaseBranch(condition: .comparison(.less, S.col(0, .int64), S.int(3)), value: S.int(1))], otherwise: nil, .int64)
    #expect(S.run(noElse, t) == [.int64(1), .null, .null, .null])
  }

  @Test func branchesOnlyCountWarningsForTheirRows() {
    let u = S.table(S.ints([0, 2]), S.ints([5, 5]))
    var w = EvaluationWarnings()
    let e = BoundExpression.conditional(
      [BoundCaseBranch(condition: .comparison(.equal, S.col(0, .int64), S.int(0)), value: S.null(.double))],
      otherwise: .arithmetic(.divide, S.col(1, .int64), S.col(0, .int64), .double), .double)
    #expect(S.run(e, u, &w) == [.null, .double(2.5)])
    #expect(w.divisionsByZero == 0)
  }

  @Test func coalesceTakesFirstNonNull() {
    let e = BoundExpression.coalesce([S.col(1, .string), S.col(2, .string), S.str("-")], .string)
    #expect(S.run(e, t) == [.string("a"), .string("y"), .string("c"), .string("d")])
    let ints = BoundExpression.coalesce([S.col(0, .int64), S.int(0)], .int64)
    #expect(S.run(ints, t) == [.int64(1), .int64(5), .int64(0), .int64(10)])
    let allNull = BoundExpression.coalesce([S.null(.int64), S.col(0, .int64)], .int64)
    #expect(S.run(allNull, t) == [.int64(1), .int64(5), .null, .int64(10)])
  }

  @Test func literalsBroadcastAndCastsWiden() {
    #expect(S.run(S.str("x"), t) == [.string("x"), .string("x"), .string("x"), .string("x")])
    var w = EvaluationWarnings()
    let column = ExpressionEvaluator.evaluate(S.str("x"), on: t, warnings: &w)
    if case .string(let c) = column {
      #expect(c.dictionary == ["x"] && c.widenedCodes() == [0, 0, 0, 0])
    } else {
      Issue.record("not a string column: \(column.type)")
    }
    #expect(S.run(S.null(.period), t) == [.null, .null, .null, .null])
    #expect(S.run(.cast(S.col(0, .int64), .double), t) == [.double(1), .double(5), .null, .double(10)])
    #expect(S.run(.cast(S.col(0, .int64), .period), t)[1] == .period(.year(5)))
    let years = S.table(S.ints([2008, nil]))
    #expect(S.run(.cast(S.col(0, .int64), .period), years) == [.period(.year(2008)), .null])
    #expect(S.run(.negate(S.int(3)), t)[0] == .int64(-3))
  }
}
