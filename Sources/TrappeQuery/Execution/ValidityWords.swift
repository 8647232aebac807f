import TrappeStorage

/// Validity bits of a kernel's output while it is being computed.
///
/// Empty ``words`` means every row is valid, so kernels over columns without
/// NULLs never touch a bitmap. Masks are combined a 64-bit word at a time.
struct ValidityWords {
  /// Packed bits, least significant first; empty while every row is valid.
  private(set) var words: [UInt64]
  /// The number of rows.
  let count: Int

  /// All `count` rows valid.
  init(allValid count: Int) {
    self.words = []
    self.count = count
  }

  /// The bits of `mask`.
  init(_ mask: ValidityMask) {
    self.words = mask.hasNulls ? mask.words : []
    self.count = mask.count
  }

  /// Rows valid in both `a` and `b` (a word-wise AND).
  init(_ a: ValidityMask, _ b: ValidityMask) {
    self.count = a.count
    switch (a.hasNulls, b.hasNulls) {
    case (false, false): self.words = []
    case (true, false): self.words = a.words
    case (false, true): self.words = b.words
    case (true, true):
      let n = min(a.words.count, b.words.count)
      self.words = [UInt64](unsafeUninitializedCapacity: n) { out, initialized in
        a.words.withUnsafeBufferPointer { x in
          b.words.withUnsafeBufferPointer { y in
            for i in 0..<n { out.initializeElement(at: i, to: x[i] & y[i]) }
          }
        }
        initialized = n
      }
    }
  }

  /// Whether any row may be NULL.
  var mayHaveNulls: Bool { !words.isEmpty }

  /// Whether row `i` is valid.
  @inline(__always)
  func isValid(_ i: Int) -> Bool {
    words.isEmpty || words[i &>> 6] & (1 &<< UInt64(i & 63)) != 0
  }

  /// Marks row `i` NULL; returns whether it was valid before.
  @discardableResult
  mutating func invalidate(_ i: Int) -> Bool {
    if words.isEmpty {
      words = [UInt64](repeating: ~0, count: (count + 63) >> 6)
    }
    let bit: UInt64 = 1 &<< UInt64(i & 63)
    let wasValid = words[i &>> 6] & bit != 0
    words[i &>> 6] &= ~bit
    return wasValid
  }

  /// Marks every row NULL.
  mutating func invalidateAll() {
    words = [UInt64](repeating: 0, count: max(1, (count + 63) >> 6))
  }

  /// A mask of `count` NULL rows.
  var nullMask: ValidityMask {
    var copy = self
    copy.invalidateAll()
    return copy.mask
  }

  /// The finished mask.
  var mask: ValidityMask { ValidityMask(words: words, count: count) }
}
