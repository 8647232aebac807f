import TrappeBase

extension GroupIndex {
  /// Rows sampled by ``estimatedDistinct(rows:key:)``.
  static let estimateSample = 1 << 16
  /// Blocks of the sample drawn as separate morsels (a divisor of ``estimateSample``).
  static let estimatePieces = 4

  /// A cheap estimate of the number of distinct non-NULL keys among `rows` rows, used only to
  /// size hash tables (never to compute a result).
  ///
  /// Samples ``estimateSample`` rows uniformly with replacement (a fixed SplitMix64 stream, so
  /// runs are reproducible), sorts their keys and counts colliding pairs `C`. Two rows drawn
  /// at random share a key with probability `Σ pᵢ²`, which is `1/D` for `D` equally frequent
  /// keys, so `D ≈ s(s-1) / 2C`; no collision means more keys than the sample can tell apart,
  /// and the estimate is `rows`. Skewed keys make it low (the table then grows as before),
  /// never above `rows`. Tables of up to twice the sample size take `rows` directly.
  /// `key` returns a row's key image, or nil for a NULL row.
  static func estimatedDistinct(rows: Int, key: (Int) -> Int64?) -> Int {
    if rows <= 2 * estimateSample { return rows }
    // Sample `j` draws from SplitMix64's state `seed + (j + 1) * γ`, so pieces of the sample are
    // drawn on all threads, each into its own block, NULL rows left out; then the blocks close up.
    let pieces = estimatePieces
    let perPiece = estimateSample / pieces
    var kept = [Int](repeating: 0, count: pieces)
    var sample = [Int64](unsafeUninitializedCapacity: estimateSample) { out, initialized in
      kept.withUnsafeMutableBufferPointer { kept in
        Parallelism.forEachMorsel(pieces) { piece in
          var at = piece * perPiece
          for j in (piece * perPiece)..<((piece + 1) * perPiece) {
            if let k = key(sampleRow(j, rows: rows)) {
              out[at] = k
              at += 1
            }
          }
          kept[piece] = at - piece * perPiece
        }
      }
      var end = kept[0]
      for piece in 1..<pieces {
        for j in 0..<kept[piece] { out[end + j] = out[piece * perPiece + j] }
        end += kept[piece]
      }
      initialized = end
    }
    let s = sample.count
    if s < 2 { return Swift.max(s, 1) }
    // Only runs of equal keys matter, not their order: a radix sort of the bit patterns groups
    // them as well as sort() and is several times faster on 65,536 keys.
    radixSort(&sample)
    var pairs = 0
    var run = 1
    var distinct = 1
    for i in 1..<s {
      if sample[i] == sample[i - 1] {
        run &+= 1
      } else {
        pairs &+= run &* (run &- 1) / 2
        run = 1
        distinct &+= 1
      }
    }
    pairs &+= run &* (run &- 1) / 2
    if pairs == 0 { return rows }
    let estimate = Double(s) * Double(s - 1) / (2 * Double(pairs))
    return Swift.min(rows, Swift.max(distinct, Int(estimate.rounded(.up))))
  }

  /// The row of draw `j` among `rows` rows: SplitMix64's output for state `seed + (j + 1) * γ`,
  /// scaled to `0..<rows` by the high half of a 128-bit product (no division).
  @inline(__always)
  static func sampleRow(_ j: Int, rows: Int) -> Int {
    var z = 0x5EED_0F_7AB1E &+ UInt64(j + 1) &* 0x9E37_79B9_7F4A_7C15
    z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
    z ^= z &>> 31
    return Int(truncatingIfNeeded: z.multipliedFullWidth(by: UInt64(rows)).high)
  }

  /// The number of hash slots (a power of two, at least 4,096) that holds `expected` keys at
  /// most half full, with a quarter of headroom for the estimate's error.
  static func hashCapacity(expected: Int) -> Int {
    let wanted = Swift.max(1 << 12, 2 * (expected + expected / 4))
    return 1 << (Int.bitWidth - (wanted - 1).leadingZeroBitCount)
  }

  /// Sorts `keys` by their unsigned bit patterns (least significant byte first, skipping bytes
  /// that are the same in every key), which puts equal keys next to each other.
  static func radixSort(_ keys: inout [Int64]) {
    let n = keys.count
    if n < 2 { return }
    var scratch = [Int64](repeating: 0, count: n)
    // The counts of all eight bytes in one pass; each scatter moves keys, never changes which
    // keys there are, so the counts hold for every pass.
    var counts = [Int](repeating: 0, count: 8 * 256)
    counts.withUnsafeMutableBufferPointer { c in
      keys.withUnsafeBufferPointer { k in
        for i in 0..<n {
          let bits = UInt64(bitPattern: k[i])
          for byte in 0..<8 {
            c[byte &<< 8 | Int(truncatingIfNeeded: (bits &>> UInt64(byte &* 8)) & 0xFF)] &+= 1
          }
        }
      }
    }
    for byte in 0..<8 {
      let shift = UInt64(byte * 8)
      let base = byte << 8
      // Every key has this byte: the pass would not move anything.
      if counts[base..<(base + 256)].contains(n) { continue }
      var offset = 0
      for d in base..<(base + 256) {
        let c = counts[d]
        counts[d] = offset
        offset += c
      }
      counts.withUnsafeMutableBufferPointer { c in
        keys.withUnsafeBufferPointer { k in
          scratch.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
              let d = base | Int(truncatingIfNeeded: (UInt64(bitPattern: k[i]) &>> shift) & 0xFF)
              out[c[d]] = k[i]
              c[d] &+= 1
            }
          }
        }
      }
      swap(&keys, &scratch)
    }
  }
}
