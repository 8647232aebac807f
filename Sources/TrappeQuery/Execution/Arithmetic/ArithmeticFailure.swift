
/// Why an arithmetic row gave NULL.
enum ArithmeticFailure: UInt8 {
  /// The row has a result.
  case none
  /// Integer arithmetic left the 64-bit range.
  case overflow
  /// The divisor of `/` or `%` was zero.
  case divisionByZero
}
