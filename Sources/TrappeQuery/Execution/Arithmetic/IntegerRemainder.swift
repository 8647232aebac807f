
/// `int % int`: truncated remainder with the sign of the dividend; a zero divisor fails.
enum IntegerRemainder: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Int64, _ b: Int64) -> (Int64, ArithmeticFailure) {
    if b == 0 { return (0, .divisionByZero) }
    if b == -1 { return (0, .none) }  // Int64.min % -1 is 0, not an overflow
    return (a % b, .none)
  }
}
