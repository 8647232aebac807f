
/// `int / int`: always a double (`3 / 4` is 0.75); a zero divisor fails.
enum IntegerDivision: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Int64, _ b: Int64) -> (Double, ArithmeticFailure) {
    if b == 0 { return (0, .divisionByZero) }
    return (Double(a) / Double(b), .none)
  }
}
