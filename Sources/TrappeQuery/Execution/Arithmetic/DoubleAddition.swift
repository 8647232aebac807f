
/// `double + double` (IEEE 754; never fails).
enum DoubleAddition: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Double, _ b: Double) -> (Double, ArithmeticFailure) {
    (a + b, .none)
  }
}
