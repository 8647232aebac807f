import TrappeStorage

/// `abs(x)`: the magnitude of an int or double; `abs` of the smallest int overflows (NULL).
enum AbsFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    switch x {
    case .double(let c):
      return .double(PrimitiveColumn(values: c.values.map { Swift.abs($0) }, validity: c.validity))
    case .int64(let c):
      var validity = ValidityWords(c.validity)
      let n = c.count
      let out = [Int64](unsafeUninitializedCapacity: n) { buffer, initialized in
        c.widenedValues().withUnsafeBufferPointer { v in
          for i in 0..<n {
            let value = v[i]
            if value == Int64.min {
              buffer.initializeElement(at: i, to: 0)
              if validity.invalidate(i) { warnings.overflows += 1 }
            } else {
              buffer.initializeElement(at: i, to: value < 0 ? -value : value)
            }
          }
        }
        initialized = n
      }
      return .int64(Int64Column(values: out, validity: validity.mask))
    default:
      return .nulls(x.type, count: x.count)
    }
  }
}
