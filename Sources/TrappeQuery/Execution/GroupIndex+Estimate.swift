import TrappeBase

extension GroupIndex {
  /// Rows sampled by ``estimatedDistinct(rows:key:)``.
  static let estimateSample = 1 << 16

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
    var sample: [Int64] = []
    sample.reserveCapacity(estimateSample)
    var state: UInt64 = 0x5EED_0F_7AB1E
    for _ in 0..<estimateSample {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z &>> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z &>> 27)) &* 0x94D0_49BB_1331_11EB
      z ^= z &>> 31
      if let k = key(Int(z % UInt64(rows))) { sample.append(k) }
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
    var counts = [Int](repeating: 0, count: 256)
    for byte in 0..<8 {
      let shift = UInt64(byte * 8)
      counts.withUnsafeMutableBufferPointer { c in
        c.update(repeating: 0)
        keys.withUnsafeBufferPointer { k in
          for i in 0..<n { c[Int(truncatingIfNeeded: (UInt64(bitPattern: k[i]) &>> shift) & 0xFF)] &+= 1 }
        }
      }
      // Every key has this byte: the pass would not move anything.
      if counts.contains(n) { continue }
      var offset = 0
      for d in 0..<256 {
        let c = counts[d]
        counts[d] = offset
        offset += c
      }
      counts.withUnsafeMutableBufferPointer { c in
        keys.withUnsafeBufferPointer { k in
          scratch.withUnsafeMutableBufferPointer { out in
            for i in 0..<n {
              let d = Int(truncatingIfNeeded: (UInt64(bitPattern: k[i]) &>> shift) & 0xFF)
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
