
extension ValidityMask {
  /// The rows of `first` followed by the rows of `second`; only null rows cost work.
  package static func concatenated(_ first: ValidityMask, _ second: ValidityMask) -> ValidityMask {
    var mask = ValidityMask(allValid: first.count + second.count)
    if first.hasNulls {
      for i in 0..<first.count where !first.isValid(i) { mask.set(i, valid: false) }
    }
    if second.hasNulls {
      for i in 0..<second.count where !second.isValid(i) { mask.set(first.count + i, valid: false) }
    }
    return mask
  }
}
