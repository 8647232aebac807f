import TrappeStorage

/// `row_number()`: 1, 2, 3, ... in each partition's order.
enum RowNumberWindow {
  /// Int64 row numbers in original row order.
  static func compute(_ layout: WindowLayout) -> Column {
    var out = [Int64](repeating: 0, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      for p in starts[k]..<starts[k + 1] { out[Int(layout.rows[p])] = Int64(p - starts[k] + 1) }
    }
    return .int64(Int64Column(out))
  }
}
