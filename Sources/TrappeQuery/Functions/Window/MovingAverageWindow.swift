import TrappeStorage

/// `moving_avg(x, n) over KEY order by KEY`: the mean of x over this row and the n − 1 rows
/// before it in the partition's order (row-based: tied rows in input order, as `prev`).
///
/// NULL on the first n − 1 rows of each partition (a window of fewer than n rows is not an
/// n-period average) and when every x in the window is NULL; NULL values are skipped, so the
/// mean is over the window's non-NULL values. Int sums are exact (Int128) and divided once;
/// double sums are compensated (Neumaier), as `avg`. Always Double.
enum MovingAverageWindow {
  /// Double means in original row order (NULLs for non-numeric input).
  static func compute(_ layout: WindowLayout, input: Column, rows: Int) -> Column {
    switch input {
    case .int64(let c): return .double(means(layout, c.widenedColumn(), rows: rows))
    case .double(let c): return .double(means(layout, c, rows: rows))
    default: return Column.nulls(.double, count: input.count)
    }
  }

  private static func means<T: WindowNumber>(_ layout: WindowLayout, _ c: PrimitiveColumn<T>, rows n: Int)
    -> DoubleColumn
  {
    var out = [Double](repeating: 0, count: layout.count)
    var nulls = [Bool](repeating: true, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      let start = starts[k]
      for p in start..<starts[k + 1] where p - start + 1 >= n {
        var total = T.zeroTotal
        var count = 0
        for q in (p - n + 1)...p {
          let row = Int(layout.rows[q])
          if c.validity.isValid(row) {
            total = T.adding(total, c.values[row])
            count += 1
          }
        }
        if count == 0 { continue }
        let row = Int(layout.rows[p])
        let mean = T.double(of: total) / Double(count)
        if mean.isFinite {
          out[row] = mean
          nulls[row] = false
        }
      }
    }
    return WindowEvaluator.column(out, nulls: nulls)
  }
}
