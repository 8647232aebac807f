
/// `double / double`; a zero divisor fails instead of giving infinity, and a quotient beyond the
/// double range (1e308 / 1e-10) is NULL counted in ``EvaluationWarnings/notFinite``.
enum DoubleDivision: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    if b == 0 { return (0, .divisionByZero) }
    let result = a / b
    return result.isFinite ? (result, .none) : (0, .notFinite)
  }
}
