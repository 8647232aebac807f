import TrappeStorage

/// `percent_rank()`: (rank - 1) / (rows in partition - 1), 0 in a one-row partition.
enum PercentRankWindow {
  /// Double percent ranks in original row order.
  static func compute(_ layout: WindowLayout) -> Column {
    let ranks = RankWindow.ranks(layout)
    var out = [Double](repeating: 0, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      let size = starts[k + 1] - starts[k]
      if size < 2 { continue }
      let denominator = Double(size - 1)
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        out[row] = Double(ranks[row] - 1) / denominator
      }
    }
    return .double(DoubleColumn(out))
  }
}
