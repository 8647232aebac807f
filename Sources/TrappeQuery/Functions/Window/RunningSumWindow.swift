import TrappeStorage

/// `running_sum(x)`: the total of x over the partition's rows up to and including this one.
///
/// NULL inputs are skipped: a NULL row carries the total so far; rows before the
/// partition's first non-NULL value are NULL. Row-based: rows that tie on the order
/// keys are added one at a time in input order (unlike `sum(x) over K order by C`,
/// whose frame includes the tied rows). Int totals are exact (kept in Int128, never
/// wrap): a row whose running total lies outside Int64 is NULL (counted as an
/// overflow), and a later row whose total is back inside Int64 has its value again,
/// as SQL's HUGEINT running sum cast to BIGINT. Double totals are compensated (Neumaier),
/// as `sum`, so a large value that cancels does not take the small ones' digits with it.
enum RunningSumWindow: SameTypeNumericWindow {
  /// Int64 totals for int input, Double totals for double input.
  static func values<T: WindowNumber>(
    _ layout: WindowLayout, _ c: PrimitiveColumn<T>, overflows: inout Int
  ) -> PrimitiveColumn<T> {
    var out = [T](repeating: T.zero, count: layout.count)
    var nulls = [Bool](repeating: false, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      var total = T.zeroTotal
      var seen = false
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        if c.validity.isValid(row) {
          total = T.adding(total, c.values[row])
          seen = true
        }
        if !seen {
          nulls[row] = true
        } else if let value = T.value(of: total) {
          out[row] = value
        } else {
          nulls[row] = true
          overflows += 1
        }
      }
    }
    return WindowEvaluator.column(out, nulls: nulls)
  }
}
