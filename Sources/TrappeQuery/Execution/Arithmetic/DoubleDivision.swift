
/// `double / double`; a zero divisor fails instead of giving infinity.
enum DoubleDivision: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    if b == 0 { return (0, .divisionByZero) }
    return (a / b, .none)
  }
}
