
/// `double - double`; a result beyond the double range (or NaN from an infinite input) is
/// NULL and counts EvaluationWarnings/notFinite, as `exp`, `pow` and the aggregates do.
enum DoubleSubtraction: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    let result = a - b
    return result.isFinite ? (result, .none) : (0, .notFinite)
  }
}
