import TrappeBase
import TrappeStorage

/// How one key column turns into order-preserving unsigned keys, planned from one pass over
/// its values, so that keys can then be written for any range of rows straight into their
/// final place (a sort word, a top-N chunk) with no intermediate array.
///
/// The keys are those ``SortKeys`` documents: valid values shifted to start at 0 (mirrored
/// when descending), then the NaN key, then the NULL key after every value in both
/// directions; two parts (a class, then the value) when the values span all 64 bits.
struct SortKeyEncoding {
  let column: Column
  let descending: Bool
  /// The smallest and largest ordered value of the valid, non-NaN rows (0 and 0 when none).
  let low: UInt64
  let high: UInt64
  let anyNaN: Bool
  let hasNulls: Bool
  /// String columns: the Danish collation rank of each dictionary code.
  let ranks: [Int32]

  init(_ column: Column, descending: Bool) {
    self.column = column
    self.descending = descending
    let validity = column.validity
    let nulls = validity.hasNulls
    hasNulls = nulls
    var ranks: [Int32] = []
    var range = OrderedRange()
    switch column {
    case .int64(let c):
      switch c.storage {
      case .int8(let v): range = OrderedRange.integers(v, validity)
      case .int16(let v): range = OrderedRange.integers(v, validity)
      case .int32(let v): range = OrderedRange.integers(v, validity)
      case .int64(let v): range = OrderedRange.integers(v, validity)
      }
    case .period(let c): range = OrderedRange.integers(c.ordinals, validity)
    case .bool(let c):
      c.values.withUnsafeBufferPointer { src in
        for i in 0..<src.count where !nulls || validity.isValid(i) { range.add(src[i] ? 1 : 0) }
      }
    case .string(let c):
      ranks = DanishCollation.rank(of: c.dictionary)
      switch c.storage {
      case .u8(let codes): range = OrderedRange.ranks(codes, ranks, validity)
      case .u16(let codes): range = OrderedRange.ranks(codes, ranks, validity)
      case .u32(let codes): range = OrderedRange.ranks(codes, ranks, validity)
      }
    case .double(let c):
      c.values.withUnsafeBufferPointer { src in
        for i in 0..<src.count where !nulls || validity.isValid(i) {
          let v = src[i]
          if v.isNaN {
            range.anyNaN = true
          } else {
            range.add(SortKeys.orderedBits(v == 0 ? 0 : v))
          }
        }
      }
    }
    self.ranks = ranks
    low = range.any ? range.low : 0
    high = range.any ? range.high : 0
    anyNaN = range.anyNaN
  }

  /// Keys after every value: one for NaN (when there is one), then one for NULL (when there is one).
  var extraKeys: UInt64 { (anyNaN ? 1 : 0) + (hasNulls ? 1 : 0) }
  var span: UInt64 { high &- low }
  /// Whether the keys need two parts: the values span so much of 64 bits that the NaN and NULL keys do not fit after them.
  var isSplit: Bool { span > UInt64.max - extraKeys }
  var nanKey: UInt64 { span &+ 1 }
  var nullKey: UInt64 { span &+ 1 &+ (anyNaN ? 1 : 0) }

  /// The largest key of each part.
  var maxKeys: [UInt64] { isSplit ? [2, span] : [span &+ extraKeys] }
}

/// The smallest and largest ordered value seen, and whether a NaN was.
private struct OrderedRange {
  var low = UInt64.max
  var high = UInt64.min
  var any = false
  var anyNaN = false

  @inline(__always) mutating func add(_ u: UInt64) {
    if u < low { low = u }
    if u > high { high = u }
    any = true
  }

  /// Integers (int columns in their stored width, period ordinals) ordered with the sign bit flipped.
  static func integers<T: FixedWidthInteger & SignedInteger>(_ values: [T], _ validity: ValidityMask) -> OrderedRange {
    var range = OrderedRange()
    values.withUnsafeBufferPointer { src in
      guard !src.isEmpty else { return }
      var lo = T.max
      var hi = T.min
      var any = false
      if !validity.hasNulls {
        for v in src {
          lo = Swift.min(lo, v)
          hi = Swift.max(hi, v)
        }
        any = true
      } else {
        for i in 0..<src.count where validity.isValid(i) {
          lo = Swift.min(lo, src[i])
          hi = Swift.max(hi, src[i])
          any = true
        }
      }
      if any {
        range.add(SortKeys.ordered(Int64(lo)))
        range.add(SortKeys.ordered(Int64(hi)))
      }
    }
    return range
  }

  /// The collation ranks of the valid rows' codes.
  static func ranks<Code: FixedWidthInteger & UnsignedInteger>(
    _ codes: [Code], _ ranks: [Int32], _ validity: ValidityMask
  ) -> OrderedRange {
    var range = OrderedRange()
    // Only codes that occur count: a dictionary may hold strings no row has any more.
    var seen = [Bool](repeating: false, count: ranks.count)
    codes.withUnsafeBufferPointer { src in
      for i in 0..<src.count where !validity.hasNulls || validity.isValid(i) {
        let code = Int(src[i])
        if code < seen.count { seen[code] = true }
      }
    }
    for (code, present) in seen.enumerated() where present { range.add(UInt64(ranks[code])) }
    return range
  }
}
