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

@Suite struct LargeColumnEvaluationTests {
  @Test func comparisonAndArithmeticOverAMillionRows() {
    let n = 1_000_000
    var ints = PrimitiveColumnBuilder<Int64>(placeholder: 0, capacity: n)
    var doubles = PrimitiveColumnBuilder<Double>(placeholder: 0, capacity: n)
    for i in 0..<n {
      if i % 10 == 9 { ints.appendNull() } else { ints.append(Int64(i)) }
      doubles.append(Double(i % 100))
    }
    let t = Table([("x", .int64(ints.finish())), ("y", .double(doubles.finish()))])
    var w = EvaluationWarnings()
    // (x * 2 + 1 > 1000) and (y / (x % 7) < 50)
    let lhs = BoundExpression.comparison(
      .greater,
      .arithmetic(.add, .arithmetic(.multiply, S.col(0, .int64), S.int(2), .int64), S.int(1), .int64), S.int(1000))
    let rhs = BoundExpression.comparison(
      .less, .arithmetic(.divide, S.col(1, .double), .cast(.arithmetic(.remainder, S.col(0, .int64), S.int(7), .int64), .double), .double),
      S.dbl(50))
    let predicate = BoundExpression.logical(.and, lhs, rhs)
    let selected = ExpressionEvaluator.selection(predicate, on: t, warnings: &w)
    var expected: [Int32] = []
    var zeroDivisors = 0
    for i in 0..<n where i % 10 != 9 && i * 2 + 1 > 1000 {
      let m = i % 7
      if m == 0 {
        zeroDivisors += 1
        continue
      }
      if Double(i % 100) / Double(m) < 50 { expected.append(Int32(i)) }
    }
    #expect(selected == expected)
    #expect(w.divisionsByZero == zeroDivisors)

    let sum = ExpressionEvaluator.evaluate(
      .arithmetic(.subtract, S.col(0, .int64), S.int(1), .int64), on: t, warnings: &w)
    guard case .int64(let c) = sum else {
      Issue.record("not an int column")
      return
    }
    #expect(c.count == n)
    #expect(c.validity.nullCount == n / 10)
    #expect(c[12] == 11 && c[19] == nil && c[999_998] == 999_997)
  }
}
