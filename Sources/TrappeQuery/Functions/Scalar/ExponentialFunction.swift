import Glibc
import TrappeStorage

/// `exp(x)`: e raised to x, as a double (ints are converted).
///
/// An infinite result (x above about 709.78) or a NaN input gives NULL and counts
/// ``EvaluationWarnings/notFinite``. SQL: `CASE WHEN isfinite(exp(x)) THEN exp(x) END`.
enum ExponentialFunction {
  static func apply(_ x: Operand, count: Int, warnings: inout EvaluationWarnings) -> Column {
    if x.isNullScalar { return .nulls(.double, count: count) }
    let (values, validity) = ArithmeticKernel.run(
      DoubleExponential.self, ArithmeticKernel.doubles(x), .scalar(0), count, &warnings)
    return .double(PrimitiveColumn(values: values, validity: validity))
  }
}

/// `exp` for one row (the right operand is unused): fails when the result is not finite.
enum DoubleExponential: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    let result = Glibc.exp(a)
    return result.isFinite ? (result, .none) : (0, .notFinite)
  }
}
