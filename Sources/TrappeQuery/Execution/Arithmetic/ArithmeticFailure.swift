
/// Why an arithmetic row gave NULL.
enum ArithmeticFailure: UInt8 {
  /// The row has a result.
  case none
  /// Integer arithmetic left the 64-bit range.
  case overflow
  /// The divisor of `/` or `%` was zero.
  case divisionByZero
  /// A function's double result was NaN or infinite (`pow(0, -1)`, `exp(1000)`).
  case notFinite
}
