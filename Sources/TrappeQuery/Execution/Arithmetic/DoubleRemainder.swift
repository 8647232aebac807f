
/// `double % double`: truncated remainder (like C `fmod`); a zero divisor fails, and NaN (from an
/// infinite input) is NULL counted in ``EvaluationWarnings/notFinite``.
enum DoubleRemainder: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    if b == 0 { return (0, .divisionByZero) }
    let result = a.truncatingRemainder(dividingBy: b)
    return result.isFinite ? (result, .none) : (0, .notFinite)
  }
}
