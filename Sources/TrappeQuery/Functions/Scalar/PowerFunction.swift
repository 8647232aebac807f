import Glibc
import TrappeStorage

/// `pow(x, y)`: x raised to y, as a double (ints are converted).
///
/// A NaN or infinite result (`pow(0, -1)`, `pow(-8, 1/3)`, `pow(10, 400)`) gives
/// NULL and counts ``EvaluationWarnings/notFinite``. NULL in either gives NULL.
/// SQL: `CASE WHEN isfinite(pow(x, y)) THEN pow(x, y) END`.
enum PowerFunction {
  static func apply(_ x: Operand, _ y: Operand, count: Int, warnings: inout EvaluationWarnings) -> Column {
    if x.isNullScalar || y.isNullScalar { return .nulls(.double, count: count) }
    let (values, validity) = ArithmeticKernel.run(
      DoublePower.self, ArithmeticKernel.doubles(x), ArithmeticKernel.doubles(y), count, &warnings)
    return .double(PrimitiveColumn(values: values, validity: validity))
  }
}

/// `pow` for one row: fails when the result is not finite.
enum DoublePower: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    let result = Glibc.pow(a, b)
    return result.isFinite ? (result, .none) : (0, .notFinite)
  }
}
