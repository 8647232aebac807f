
extension ValidityMask {
  /// Creates a mask from packed validity words (least significant bit first).
  ///
  /// Empty `words` means every row is valid. Bits past `count` are ignored.
  /// A mask whose bits are all set comes back in the implicit all-valid form,
  /// so it compares equal to `ValidityMask(allValid: count)`.
  ///
  /// `words` is private to `ValidityMask.swift`, so this initialiser clears
  /// the null bits one by one: its cost grows with the number of NULL rows,
  /// not with the number of rows.
  package init(words: [UInt64], count: Int) {
    self.init(allValid: count)
    guard !words.isEmpty, count > 0 else { return }
    let wordCount = (count + 63) >> 6
    let tailBits = count & 63
    let tailMask: UInt64 = tailBits == 0 ? ~0 : (1 &<< UInt64(tailBits)) &- 1
    var anyNull = false
    words.withUnsafeBufferPointer { w in
      for index in 0..<wordCount {
        let mask: UInt64 = index == wordCount - 1 ? tailMask : ~0
        if w[index] & mask != mask {
          anyNull = true
          break
        }
      }
    }
    guard anyNull else { return }
    materialise()
    for index in 0..<wordCount {
      let mask: UInt64 = index == wordCount - 1 ? tailMask : ~0
      var nulls = ~words[index] & mask
      while nulls != 0 {
        set(index &<< 6 | nulls.trailingZeroBitCount, valid: false)
        nulls &= nulls &- 1
      }
    }
  }

  /// Creates a mask from one flag per row (true: valid).
  package init(flags: [Bool]) {
    let count = flags.count
    var words = [UInt64](repeating: 0, count: (count + 63) >> 6)
    var anyNull = false
    flags.withUnsafeBufferPointer { f in
      words.withUnsafeMutableBufferPointer { w in
        for i in 0..<count {
          let bit: UInt64 = f[i] ? 1 : 0
          anyNull = anyNull || !f[i]
          w[i &>> 6] |= bit &<< UInt64(i & 63)
        }
      }
    }
    self.init(words: anyNull ? words : [], count: count)
  }
}
