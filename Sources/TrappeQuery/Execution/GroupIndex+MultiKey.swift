import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Groups by several key columns through one mixed-radix slot number per row.
  ///
  /// Each key contributes a code in `0...domain` (`domain` is its NULL code): dictionary codes
  /// for strings, `value - min` for narrow integers and periods, 0/1 for bools, and its own dense
  /// group ids for wide integers and doubles (``keyCodes(_:)``, ``SlotDigit``). When the product of the radices
  /// fits a dense slot array, the slots are numbered block by block without a full-length key
  /// column (``dense(slots:digits:threads:minRows:)``). Otherwise the digits are folded into one `Int64`
  /// key column, reduced to its dense group ids whenever the product would pass 2^62, and hashed.
  static func multiple(_ keys: [Column]) -> GroupIndex {
    let n = keys[0].count
    var digits: [SlotDigit] = []
    for key in keys {
      // A wide key is grouped on its own first, a pass over all rows: stop between them on Ctrl-C.
      if Interrupt.isRequested { return stopped(rowCount: n) }
      digits.append(digit(key))
    }
    var slots: Int64 = 1
    for digit in digits {
      let (product, overflow) = slots.multipliedReportingOverflow(by: digit.radix)
      if overflow || product > denseLimit(rows: n) {
        return folded(digits, rows: n)
      }
      slots = product
    }
    return dense(slots: Int(slots), digits: digits)
  }

  /// One key's codes as a digit: its values where their range is small, else its own group ids.
  private static func digit(_ key: Column) -> SlotDigit {
    switch keyCodes(key) {
    case .digit(let digit): return digit
    case .grouped(let own):
      return SlotDigit(own.groupOf, validity: ValidityMask(allValid: own.rowCount), base: 0, domain: own.groupCount)
    }
  }

  /// Groups by digits whose product passes the dense limit: they are folded into one `Int64`
  /// key per row (on all threads, in chunks), reduced to dense group ids whenever the product
  /// would pass 2^62, and the key is then grouped.
  private static func folded(_ digits: [SlotDigit], rows n: Int) -> GroupIndex {
    // The first digit writes every row (`radix` is 1 then).
    var combined = [Int64](unsafeUninitializedCapacity: n) { _, initialized in initialized = n }
    var radix: Int64 = 1
    for digit in digits {
      if Interrupt.isRequested { return stopped(rowCount: n) }
      let (product, overflow) = radix.multipliedReportingOverflow(by: digit.radix)
      if overflow || product > 1 << 62 {
        let reduced = grouping(combined, radix: radix)
        combined = reduced.groupOf.converted { Int64($0) }
        radix = Int64(reduced.groupCount)
      }
      let first = radix == 1
      radix *= digit.radix
      let chunkRows = 1 << 16
      combined.withUnsafeMutableBufferPointer { out in
        let keys = out
        Parallelism.forEachMorsel(Parallelism.morselCount(n, size: chunkRows)) { chunk in
          let rows = (chunk * chunkRows)..<Swift.min(n, (chunk + 1) * chunkRows)
          digit.write(rows, keys.baseAddress! + rows.lowerBound, first)
        }
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
}
