
/// A small seeded pseudo-random generator (SplitMix64) with platform-independent draws.
///
/// Every draw is integer arithmetic or an exact conversion, so the same seed gives the
/// same sequence on every platform and in every build configuration.
struct SplitMix64 {
  /// The generator's state.
  private var state: UInt64

  /// Creates a generator from `seed` and a `stream` number that separates independent uses.
  init(seed: UInt64, stream: UInt64 = 0) {
    state = seed &+ stream &* 0xD1B5_4A32_D192_ED03
    _ = next()
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    state = state &+ 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in `0..<1` with 53 random bits.
  mutating func nextDouble() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A uniform integer in `0..<bound` (`bound` > 0), without modulo bias worth noting.
  mutating func nextInt(below bound: Int) -> Int {
    Int(truncatingIfNeeded: (next() >> 11) % UInt64(max(1, bound)))
  }

  /// The index drawn from `weights` in proportion to each weight.
  mutating func pick(_ weights: [Double]) -> Int {
    var total = 0.0
    for w in weights { total += w }
    var u = nextDouble() * total
    for (i, w) in weights.enumerated() {
      if u < w { return i }
      u -= w
    }
    return weights.count - 1
  }
}
