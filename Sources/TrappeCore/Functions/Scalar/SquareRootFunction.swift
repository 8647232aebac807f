import Glibc

/// `sqrt(x)`: the square root; x < 0 gives NULL and counts an invalid argument.
///
/// Int input is converted to double.
enum SquareRootFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    let input: DoubleColumn
    switch x {
    case .double(let c): input = c
    case .int64(let c): input = DoubleColumn(values: c.values.map { Double($0) }, validity: c.validity)
    default: return .nulls(.double, count: x.count)
    }
    var validity = ValidityWords(input.validity)
    let n = input.count
    let out = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
      input.values.withUnsafeBufferPointer { v in
        for i in 0..<n {
          let value = v[i]
          if value >= 0 {
            buffer.initializeElement(at: i, to: Glibc.sqrt(value))
          } else {
            buffer.initializeElement(at: i, to: 0)
            if validity.invalidate(i) { warnings.invalidArguments += 1 }
          }
        }
      }
      initialized = n
    }
    return .double(PrimitiveColumn(values: out, validity: validity.mask))
  }
}
