import TrappeStorage

/// `ntile(n)`: splits each partition, in its order, into n buckets numbered 1...n whose
/// sizes differ by at most one, the larger buckets first (SQL `NTILE(n)`); with fewer
/// rows than n, row k is in bucket k. Ties in the order keys are broken by input row order.
enum NtileWindow {
  /// Int64 bucket numbers in original row order.
  static func compute(_ layout: WindowLayout, buckets: Int) -> Column {
    var out = [Int64](repeating: 0, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      let total = starts[k + 1] - starts[k]
      let n = Swift.max(1, Swift.min(buckets, total))
      let size = total / n
      let large = total - n * size
      let inLarge = large * (size + 1)
      for p in starts[k]..<starts[k + 1] {
        let index = p - starts[k]
        let bucket = index < inLarge ? 1 + index / (size + 1) : 1 + large + (index - inLarge) / size
        out[Int(layout.rows[p])] = Int64(bucket)
      }
    }
    return .int64(Int64Column(out))
  }
}
