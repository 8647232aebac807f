import TrappeStorage

/// `running_sum(x)`: the total of x over the partition's rows up to and including this one.
///
/// NULL inputs are skipped: a NULL row carries the total so far; rows before the
/// partition's first non-NULL value are NULL.
enum RunningSumWindow: SameTypeNumericWindow {
  /// Int64 totals for int input (wrapping), Double totals for double input.
  static func values<T: WindowNumber>(_ layout: WindowLayout, _ c: PrimitiveColumn<T>) -> PrimitiveColumn<T> {
    var out = [T](repeating: T.zero, count: layout.count)
    var nulls = [Bool](repeating: false, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      var total = T.zero
      var seen = false
      for p in starts[k]..<starts[k + 1] {
        let row = Int(layout.rows[p])
        if c.validity.isValid(row) {
          total = T.plus(total, c.values[row])
          seen = true
        }
        if seen { out[row] = total } else { nulls[row] = true }
      }
    }
    return WindowEvaluator.column(out, nulls: nulls)
  }
}
