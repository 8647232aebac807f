import TrappeStorage

/// The row-wise largest (`greatest`) or smallest (`least`) of several numbers,
/// skipping NULLs; NULL only where every argument is NULL.
///
/// The binder makes all arguments one type: int, or double when any is a double.
enum ExtremeValueKernel {
  static func apply(_ args: [Operand], count: Int, largest: Bool) -> Column {
    let args = args.filter { !$0.isNullScalar }
    let type: DataType = args.contains { $0.type == .double } ? .double : .int64
    if type == .double {
      let values = fold(args.map(ArithmeticKernel.doubles), count: count, largest: largest)
      return .double(PrimitiveColumn(values: values.0, validity: values.1))
    }
    let values = fold(args.map(ArithmeticKernel.integers), count: count, largest: largest)
    return .int64(Int64Column(values: values.0, validity: values.1))
  }

  private static func fold<T: Comparable & Sendable>(
    _ operands: [TypedOperand<T>], count: Int, largest: Bool
  ) -> ([T], ValidityMask) where T: ExpressibleByIntegerLiteral {
    var out = [T](repeating: 0, count: count)
    var seen = [Bool](repeating: false, count: count)
    for operand in operands {
      switch operand {
      case .scalar(let v):
        for i in 0..<count where !seen[i] || (largest ? v > out[i] : v < out[i]) {
          out[i] = v
          seen[i] = true
        }
      case .array(let values, let validity):
        let valid = ValidityWords(validity)
        values.withUnsafeBufferPointer { v in
          out.withUnsafeMutableBufferPointer { o in
            seen.withUnsafeMutableBufferPointer { s in
              for i in 0..<count where valid.isValid(i) {
                let x = v[i]
                if !s[i] || (largest ? x > o[i] : x < o[i]) {
                  o[i] = x
                  s[i] = true
                }
              }
            }
          }
        }
      }
    }
    return (out, .fromFlags(seen))
  }
}
