import TrappeStorage

/// Converts every value of a column through a conversion that may fail.
///
/// A value that does not convert becomes 0 under a NULL row; each row that was
/// valid before counts once in `failures`. `int(x)` over doubles and `period(x)`
/// over ints use it.
enum FailableConversion {
  @inline(__always)
  static func apply<In, Out: ExpressibleByIntegerLiteral>(
    _ values: [In], validity mask: ValidityMask, failures: inout Int, _ convert: (In) -> Out?
  ) -> (values: [Out], validity: ValidityMask) {
    var validity = ValidityWords(mask)
    let n = values.count
    let out = [Out](unsafeUninitializedCapacity: n) { buffer, initialized in
      values.withUnsafeBufferPointer { v in
        for i in 0..<n {
          if let value = convert(v[i]) {
            buffer.initializeElement(at: i, to: value)
          } else {
            buffer.initializeElement(at: i, to: 0)
            if validity.invalidate(i) { failures += 1 }
          }
        }
      }
      initialized = n
    }
    return (out, validity.mask)
  }
}
