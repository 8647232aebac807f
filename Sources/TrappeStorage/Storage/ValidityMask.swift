
/// A bitmap that records which rows of a column hold a value (1) and which are null (0).
///
/// The mask keeps no bits while every row is valid, so columns without nulls pay
/// nothing for it. The first null materialises one bit per row, packed into
/// 64-bit words.
///
/// Public only for inlining: builders in other modules append to it once per value.
public struct ValidityMask: Sendable, Equatable {
  /// Packed validity bits, least significant bit first; empty while `hasNulls` is false.
  @usableFromInline package internal(set) var words: [UInt64]
  /// The number of rows the mask describes.
  @usableFromInline package internal(set) var count: Int
  /// Whether any row is null.
  @usableFromInline package internal(set) var hasNulls: Bool

  /// Creates a mask for `count` rows that are all valid.
  @inlinable public init(allValid count: Int) {
    self.words = []
    self.count = count
    self.hasNulls = false
  }

  /// Whether row `index` holds a value.
  @inlinable public func isValid(_ index: Int) -> Bool {
    if !hasNulls { return true }
    return words[index &>> 6] & (1 &<< UInt64(index & 63)) != 0
  }

  /// The number of null rows.
  package var nullCount: Int {
    if !hasNulls { return 0 }
    var valid = 0
    for word in words { valid += word.nonzeroBitCount }
    return count - valid
  }

  /// Appends one row.
  @inlinable public mutating func append(_ valid: Bool) {
    if !valid && !hasNulls { materialise() }
    if hasNulls {
      if count & 63 == 0 { words.append(0) }
      if valid { words[count &>> 6] |= 1 &<< UInt64(count & 63) }
    }
    count += 1
  }

  /// Marks row `index` as null or valid.
  package mutating func set(_ index: Int, valid: Bool) {
    if valid && !hasNulls { return }
    if !hasNulls { materialise() }
    let bit: UInt64 = 1 &<< UInt64(index & 63)
    if valid { words[index &>> 6] |= bit } else { words[index &>> 6] &= ~bit }
  }

  /// Switches from the implicit "all valid" form to explicit bits.
  @usableFromInline mutating func materialise() {
    hasNulls = true
    let wordCount = (count + 63) / 64
    words = [UInt64](repeating: ~0, count: wordCount)
    if count & 63 != 0 { words[wordCount - 1] = (1 &<< UInt64(count & 63)) &- 1 }
  }

  /// Bytes used by the bitmap.
  package var byteCount: Int { words.count * 8 }
}
