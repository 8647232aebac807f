import TrappeStorage

/// `running_sum(x)`: the total of x over the partition's rows up to and including this one.
///
/// NULL inputs are skipped: a NULL row carries the total so far; rows before the
/// partition's first non-NULL value are NULL. Row-based: rows that tie on the order
/// keys are added one at a time in input order (unlike `sum(x) over K order by C`,
/// whose frame includes the tied rows). An int total that overflows Int64 makes that
/// row and the rest of the partition NULL (counted as overflows), never wraps.
enum RunningSumWindow: SameTypeNumericWindow {
  /// Int64 totals for int input, Double totals for double input.
  static func values<T: WindowNumber>(
    _ layout: WindowLayout, _ c: PrimitiveColumn<T>, overflows: inout Int
  ) -> PrimitiveColumn<T> {
    var out = [T](repeating: T.zero, count: layout.count)
    var nulls = [Bool](repeating: false, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      var total = T.zero
      var seen = false
      var overflowed = false
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        if c.validity.isValid(row) && !overflowed {
          let (sum, overflow) = T.plus(total, c.values[row])
          total = sum
          seen = true
          overflowed = overflow
        }
        if overflowed {
          nulls[row] = true
          overflows += 1
        } else if seen {
          out[row] = total
        } else {
          nulls[row] = true
        }
      }
    }
    return WindowEvaluator.column(out, nulls: nulls)
  }
}
