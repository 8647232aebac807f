import TrappeStorage

/// `rank()`: 1 + the number of rows ordered strictly before; ties share a rank, gaps follow.
enum RankWindow {
  /// Int64 ranks in original row order.
  static func compute(_ layout: WindowLayout) -> Column {
    .int64(Int64Column(ranks(layout)))
  }

  /// The rank of every row, in original row order.
  static func ranks(_ layout: WindowLayout) -> [Int64] {
    var out = [Int64](repeating: 0, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      var rank: Int64 = 1
      for p in starts[k]..<starts[k + 1] {
        if layout.peerStarts[p] { rank = Int64(p - starts[k] + 1) }
        out[Int(layout.rows[p])] = rank
      }
    }
    return out
  }
}
