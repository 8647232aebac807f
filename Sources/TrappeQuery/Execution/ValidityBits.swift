import TrappeStorage

/// A borrowed view of a ``ValidityMask``'s bits for tight row loops.
///
/// Valid only inside ``ValidityMask/withValidityWords(_:)``; `isValid` costs one
/// predictable branch when the mask has no nulls and one load otherwise.
struct ValidityBits {
  /// The packed bits; empty when `hasNulls` is false.
  let words: UnsafeBufferPointer<UInt64>
  /// Whether any row is null.
  let hasNulls: Bool

  /// Whether row `row` holds a value.
  @inline(__always)
  func isValid(_ row: Int) -> Bool {
    !hasNulls || (words[row &>> 6] &>> UInt64(truncatingIfNeeded: row & 63)) & 1 != 0
  }
}

extension ValidityMask {
  /// Calls `body` with a borrowed bit view of the mask.
  @inline(__always)
  func withValidityWords<R>(_ body: (ValidityBits) -> R) -> R {
    let nulls = hasNulls
    return words.withUnsafeBufferPointer { body(ValidityBits(words: $0, hasNulls: nulls)) }
  }

  /// A mask with one row per flag, null where the flag is false.
  static func fromFlags(_ flags: [Bool]) -> ValidityMask {
    var mask = ValidityMask(allValid: 0)
    if !flags.contains(false) { return ValidityMask(allValid: flags.count) }
    for flag in flags { mask.append(flag) }
    return mask
  }
}
