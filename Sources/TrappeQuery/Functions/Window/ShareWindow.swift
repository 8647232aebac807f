import TrappeStorage

/// `share(x)`: x / sum(x) over the partition; NULL when x is NULL or the sum is 0.
///
/// Int sums are exact (Int128) and rounded to Double once, as SQL's HUGEINT `sum`; double
/// sums are compensated (Neumaier), as `sum`.
enum ShareWindow {
  /// Double shares in original row order (NULLs for non-numeric input).
  static func compute(_ layout: WindowLayout, input: Column) -> Column {
    switch input {
    case .int64(let c): return .double(shares(layout, c.widenedColumn()))
    case .double(let c): return .double(shares(layout, c))
    default: return Column.nulls(.double, count: input.count)
    }
  }

  private static func shares<T: WindowNumber>(_ layout: WindowLayout, _ c: PrimitiveColumn<T>) -> DoubleColumn {
    var out = [Double](repeating: 0, count: layout.count)
    var nulls = [Bool](repeating: false, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      var total = T.zeroTotal
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        if c.validity.isValid(row) { total = T.adding(total, c.values[row]) }
      }
      let sum = T.double(of: total)
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        if c.validity.isValid(row) && sum != 0 {
          out[row] = c.values[row].asDouble / sum
        } else {
          nulls[row] = true
        }
      }
    }
    return WindowEvaluator.column(out, nulls: nulls)
  }
}
