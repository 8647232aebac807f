import TrappeStorage

/// Applies a double function that is only defined on part of the number line.
///
/// Outside the domain the row becomes NULL and counts an invalid argument;
/// int input is converted to double. `ln` and `sqrt` use it.
enum DomainCheckedFunction {
  @inline(__always)
  static func apply(
    _ x: Column, warnings: inout EvaluationWarnings, inDomain: (Double) -> Bool, function: (Double) -> Double
  ) -> Column {
    let input: DoubleColumn
    switch x {
    case .double(let c): input = c
    case .int64(let c): input = DoubleColumn(values: c.doubleValues(), validity: c.validity)
    default: return .nulls(.double, count: x.count)
    }
    var validity = ValidityWords(input.validity)
    let n = input.count
    let out = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
      input.values.withUnsafeBufferPointer { v in
        for i in 0..<n {
          let value = v[i]
          if inDomain(value) {
            buffer.initializeElement(at: i, to: function(value))
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
