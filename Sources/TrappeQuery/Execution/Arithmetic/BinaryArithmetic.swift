
/// One arithmetic operation, applied row by row inside a typed loop.
///
/// Kernels are generic over the operation type, so each loop is specialised
/// for its operation at compile time: no closures or existentials per row.
protocol BinaryArithmetic {
  associatedtype Left
  associatedtype Right
  associatedtype Output
  /// The result of `a op b`, or a placeholder and the failure that makes the row NULL.
  static func apply(_ a: Left, _ b: Right) -> (Output, ArithmeticFailure)
}
