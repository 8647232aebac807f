import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Groups by several key columns by folding them into one mixed-radix `Int64` key.
  ///
  /// Each key contributes a code in `0...domain` (`domain` is its NULL code):
  /// dictionary codes for strings, `value - min` for narrow integers and
  /// periods, 0/1 for bools, and its own dense group ids for wide integers
  /// and doubles. When the product of the radices would pass 2^62 the key
  /// folded so far is first reduced to its dense group ids.
  static func multiple(_ keys: [Column]) -> GroupIndex {
    // Two narrow integer or period keys: the same key, in one pass (``densePair(_:_:)``).
    if keys.count == 2, let index = densePair(keys[0], keys[1]) { return index }
    let n = keys[0].count
    var combined = [Int64](repeating: 0, count: n)
    var radix: Int64 = 1
    let none = ValidityMask(allValid: n)
    for key in keys {
      // Each key is a pass over all rows: stop between them on Ctrl-C.
      if Interrupt.isRequested { return stopped(rowCount: n) }
      switch key {
      case .string(let c):
        switch c.storage {
        case .u8(let codes): fold(&combined, &radix, codes, validity: c.validity, base: 0, domain: c.dictionary.count)
        case .u16(let codes): fold(&combined, &radix, codes, validity: c.validity, base: 0, domain: c.dictionary.count)
        case .u32(let codes): fold(&combined, &radix, codes, validity: c.validity, base: 0, domain: c.dictionary.count)
        }
      case .bool(let c):
        let bytes = c.values.map { $0 ? UInt8(1) : 0 }
        fold(&combined, &radix, bytes, validity: c.validity, base: 0, domain: 2)
      case .int64(let c):
        // In the column's stored width: one specialised pass per width.
        func foldIntegers<T: GroupKeyRepresentable>(_ values: [T]) {
          if let (low, domain) = denseRange(values, validity: c.validity) {
            fold(&combined, &radix, values, validity: c.validity, base: low, domain: domain)
          } else {
            let own = hashed(values, validity: c.validity)
            fold(&combined, &radix, own.groupOf, validity: none, base: 0, domain: own.groupCount)
          }
        }
        switch c.storage {
        case .int8(let v): foldIntegers(v)
        case .int16(let v): foldIntegers(v)
        case .int32(let v): foldIntegers(v)
        case .int64(let v): foldIntegers(v)
        }
      case .period(let c):
        if let (low, domain) = denseRange(c.ordinals, validity: c.validity) {
          fold(&combined, &radix, c.ordinals, validity: c.validity, base: low, domain: domain)
        } else {
          let own = hashed(c.ordinals, validity: c.validity)
          fold(&combined, &radix, own.groupOf, validity: none, base: 0, domain: own.groupCount)
        }
      case .double(let c):
        let own = hashed(c.values, validity: c.validity)
        fold(&combined, &radix, own.groupOf, validity: none, base: 0, domain: own.groupCount)
      }
    }
    if Interrupt.isRequested { return stopped(rowCount: n) }
    return grouping(combined, radix: radix)
  }

  /// Groups non-NULL keys known to lie in `0..<radix`, densely when the range allows.
  static func grouping(_ keys: [Int64], radix: Int64) -> GroupIndex {
    let none = ValidityMask(allValid: keys.count)
    if radix <= denseLimit(rows: keys.count) {
      return dense(keys, validity: none, base: 0, domain: Int(radix))
    }
    return hashed(keys, validity: none)
  }

  /// Appends one key's code as the next mixed-radix digit of `combined`.
  private static func fold<T: GroupKeyRepresentable>(
    _ combined: inout [Int64], _ radix: inout Int64,
    _ values: [T], validity: ValidityMask, base: Int64, domain: Int
  ) {
    let digit = Int64(domain) + 1
    let (product, overflow) = radix.multipliedReportingOverflow(by: digit)
    if overflow || product > 1 << 62 {
      let reduced = grouping(combined, radix: radix)
      combined = reduced.groupOf.converted { Int64($0) }
      radix = Int64(reduced.groupCount)
    }
    radix *= digit
    let nullCode = Int64(domain)
    combined.withUnsafeMutableBufferPointer { out in
      values.withUnsafeBufferPointer { v in
        validity.withValidityWords { bits in
          for row in 0..<out.count {
            let code = bits.isValid(row) ? v[row].groupKey &- base : nullCode
            out[row] = out[row] &* digit &+ code
          }
        }
      }
    }
  }
}
