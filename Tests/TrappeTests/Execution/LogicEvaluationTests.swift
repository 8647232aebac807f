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

@Suite struct LogicEvaluationTests {
  // Every combination of true, false, NULL.
  let t = S.table(
    S.bools([true, true, true, false, false, false, nil, nil, nil]),
    S.bools([true, false, nil, true, false, nil, true, false, nil]))

  @Test func andTruthTable() {
    let e = BoundExpression.logical(.and, S.col(0, .bool), S.col(1, .bool))
    #expect(S.run(e, t) == [.bool(true), .bool(false), .null, .bool(false), .bool(false), .bool(false), .null, .bool(false), .null])
  }

  @Test func orTruthTable() {
    let e = BoundExpression.logical(.or, S.col(0, .bool), S.col(1, .bool))
    #expect(S.run(e, t) == [.bool(true), .bool(true), .bool(true), .bool(true), .bool(false), .null, .bool(true), .null, .null])
  }

  @Test func notAndIsNull() {
    let u = S.table(S.bools([true, false, nil]))
    #expect(S.run(.not(S.col(0, .bool)), u) == [.bool(false), .bool(true), .null])
    #expect(S.run(.isNull(S.col(0, .bool), negated: false), u) == [.bool(false), .bool(false), .bool(true)])
    #expect(S.run(.isNull(S.col(0, .bool), negated: true), u) == [.bool(true), .bool(true), .bool(false)])
    let noNulls = S.table(S.ints([1, 2]))
    #expect(S.run(.isNull(S.col(0, .int64), negated: false), noNulls) == [.bool(false), .bool(false)])
  }

  @Test func andWithoutNullsAndShortCircuitWarnings() {
    let u = S.table(S.ints([0, 2, 4]), S.ints([10, 10, 2]))
    var w = EvaluationWarnings()
    // d != 0 and n / d > 1: the division by zero on row 0 is never computed.
    let e = BoundExpression.logical(
      .and, .comparison(.notEqual, S.col(0, .int64), S.int(0)),
      .comparison(.greater, .arithmetic(.divide, S.col(1, .int64), S.col(0, .int64), .double), S.dbl(1)))
    #expect(S.run(e, u, &w) == [.bool(false), .bool(true), .bool(false)])
    #expect(w.divisionsByZero == 0)
  }
}
