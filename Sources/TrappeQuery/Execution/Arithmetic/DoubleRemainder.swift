
/// `double % double`: truncated remainder (like C `fmod`); a zero divisor fails.
enum DoubleRemainder: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    if b == 0 { return (0, .divisionByZero) }
    return (a.truncatingRemainder(dividingBy: b), .none)
  }
}
