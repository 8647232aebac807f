import TrappeStorage

/// `dense_rank()`: like rank, but ties do not leave gaps.
enum DenseRankWindow {
  /// Int64 dense ranks in original row order.
  static func compute(_ layout: WindowLayout) -> Column {
    var out = [Int64](repeating: 0, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      var rank: Int64 = 0
      for p in starts[k]..<starts[k + 1] {
        if layout.peerStarts[p] { rank += 1 }
        out[Int(layout.rows[p])] = rank
      }
    }
    return .int64(Int64Column(out))
  }
}
