import TrappeStorage

/// `count_distinct(x)`: the number of distinct non-NULL values of x per group, as Int64.
///
/// Values compare by their key images (strings by dictionary code, doubles with -0.0 = 0.0
/// and NaN = NaN). One pass over the rows marks each (group, value) pair in a set and counts
/// a group up the first time it meets a value: a bitset when the folded pairs `group × span
/// + (value - min)` fit a few bits per row, otherwise a hash set sized from a sampled
/// estimate (``CountDistinctAggregate/onePass(_:validity:groups:base:span:)``). Only when
/// neither fold fits in an `Int64` (several groups and doubles or integers spread over most
/// of the 64-bit range) does it group the values first and then the pairs
/// (``CountDistinctAggregate/twoPass(input:groups:)``).
enum CountDistinctAggregate {
  /// Counts distinct non-NULL values of `input` in each group.
  static func compute(input: Column, groups: GroupIndex) -> Column {
    let counts: [Int64]?
    switch input {
    case .string(let c):
      let span = Int64(c.dictionary.count)
      switch c.storage {
      case .u8(let codes): counts = onePass(codes, validity: c.validity, groups: groups, base: 0, span: span)
      case .u16(let codes): counts = onePass(codes, validity: c.validity, groups: groups, base: 0, span: span)
      case .u32(let codes): counts = onePass(codes, validity: c.validity, groups: groups, base: 0, span: span)
      }
    case .bool(let c):
      let bytes = c.values.map { $0 ? UInt8(1) : 0 }
      counts = onePass(bytes, validity: c.validity, groups: groups, base: 0, span: 2)
    case .int64(let c):
      // In the stored width: keys are the values widened to Int64.
      func count<T: GroupKeyRepresentable & FixedWidthInteger>(_ values: [T]) -> [Int64]? {
        let (base, span) = bounds(values, validity: c.validity)
        return onePass(values, validity: c.validity, groups: groups, base: base, span: span)
      }
      switch c.storage {
      case .int8(let v): counts = count(v)
      case .int16(let v): counts = count(v)
      case .int32(let v): counts = count(v)
      case .int64(let v): counts = count(v)
      }
    case .period(let c):
      let (base, span) = bounds(c.ordinals, validity: c.validity)
      counts = onePass(c.ordinals, validity: c.validity, groups: groups, base: base, span: span)
    case .double(let c):
      counts = onePass(c.values, validity: c.validity, groups: groups, base: 0, span: nil)
    }
    return .int64(Int64Column(counts ?? twoPass(input: input, groups: groups)))
  }

  /// The smallest valid key image and the number of images `max - min + 1`, nil when that
  /// does not fit in an `Int64`; an all-NULL column gives (0, 1). Compared in the values' own
  /// width (``GroupIndex/keyRange(_:_:rows:)``).
  static func bounds<T: GroupKeyRepresentable & FixedWidthInteger>(
    _ values: [T], validity: ValidityMask
  ) -> (Int64, Int64?) {
    let (low, high) = values.withUnsafeBufferPointer { v in
      validity.withValidityWords { bits in GroupIndex.keyRange(v, bits, rows: 0..<v.count) }
    }
    if low > high { return (0, 1) }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    if overflow || span == Int64.max { return (low, nil) }
    return (low, span + 1)
  }

  /// The former method, for keys that cannot be folded: groups the input by value, folds
  /// (group, value id) into one key, groups that, and counts the pairs whose value is not NULL.
  static func twoPass(input: Column, groups: GroupIndex) -> [Int64] {
    var counts = [Int64](repeating: 0, count: groups.groupCount)
    let values = GroupIndex.build(keys: [input], rowCount: groups.rowCount)
    let radix = Int64(values.groupCount)
    var pairKeys = [Int64](repeating: 0, count: groups.rowCount)
    pairKeys.withUnsafeMutableBufferPointer { p in
      groups.groupOf.withUnsafeBufferPointer { g in
        values.groupOf.withUnsafeBufferPointer { v in
          for row in 0..<p.count { p[row] = Int64(g[row]) &* radix &+ Int64(v[row]) }
        }
      }
    }
    let pairs = GroupIndex.grouping(pairKeys, radix: Int64(groups.groupCount) * radix)
    let validity = input.validity
    counts.withUnsafeMutableBufferPointer { c in
      groups.groupOf.withUnsafeBufferPointer { g in
        validity.withValidityWords { bits in
          for row in pairs.firstRow where bits.isValid(Int(row)) { c[Int(g[Int(row)])] &+= 1 }
        }
      }
    }
    return counts
  }
}
