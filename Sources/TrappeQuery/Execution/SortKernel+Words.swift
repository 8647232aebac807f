import TrappeBase

extension SortKernel {
  /// One part of one key column inside a sort word.
  struct WordPart {
    /// The key column (index into the encodings) and which of its parts.
    var encoding: Int
    var part: Int
    var bits: Int
  }

  /// The key columns' parts packed, most significant first, into as few 64-bit words as their
  /// widths allow; parts that are 0 for every row (no bits) are left out.
  static func wordLayout(_ encodings: [SortKeyEncoding]) -> [[WordPart]] {
    var words: [[WordPart]] = []
    var used = 0
    for (index, encoding) in encodings.enumerated() {
      for (part, maxKey) in encoding.maxKeys.enumerated() {
        let bits = 64 - maxKey.leadingZeroBitCount
        if bits == 0 { continue }
        if !words.isEmpty && used + bits <= 64 {
          words[words.count - 1].append(WordPart(encoding: index, part: part, bits: bits))
          used += bits
        } else {
          words.append([WordPart(encoding: index, part: part, bits: bits)])
          used = bits
        }
      }
    }
    return words
  }

  /// Writes the words of rows `rows` to `out`, row-major (`stride` = the number of words).
  static func encodeWords(
    _ layout: [[WordPart]], _ encodings: [SortKeyEncoding], rows: Range<Int>, into out: UnsafeMutablePointer<UInt64>
  ) {
    let stride = layout.count
    for (w, parts) in layout.enumerated() {
      for (index, p) in parts.enumerated() {
        encodings[p.encoding].encode(part: p.part, rows: rows, into: out + w, stride: stride, shift: index == 0 ? 0 : p.bits)
      }
    }
  }

  /// The sort words of all rows, each written once, in chunks between polls of Ctrl-C.
  static func words(_ encodings: [SortKeyEncoding], count n: Int) -> [SortWord] {
    wordLayout(encodings).map { parts in
      let keys = [UInt64](unsafeUninitializedCapacity: n) { buffer, initialized in
        guard let out = buffer.baseAddress else { return }
        out.initialize(repeating: 0, count: n)
        _ = Interrupt.forEachChunk(of: n) { rows in encodeWords([parts], encodings, rows: rows, into: out + rows.lowerBound) }
        initialized = n
      }
      return SortWord(keys: keys, bitWidth: parts.reduce(0) { $0 + $1.bits })
    }
  }
}
