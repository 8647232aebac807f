
/// `int - int`; overflow fails.
enum IntegerSubtraction: BinaryArithmetic {
  @inline(__always)
  static func apply(_ a: Int64, _ b: Int64) -> (Int64, ArithmeticFailure) {
    let (r, o) = a.subtractingReportingOverflow(b)
    return o ? (0, .overflow) : (r, .none)
  }
}
