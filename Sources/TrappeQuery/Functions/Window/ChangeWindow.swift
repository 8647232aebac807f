import TrappeStorage

/// `change(x)`: x - prev(x) within the partition's order.
///
/// NULL on each partition's first row and when either value is NULL; an int difference
/// that overflows Int64 is NULL (counted as an overflow).
enum ChangeWindow: SameTypeNumericWindow {
  /// Int64 differences for int input, Double for double input.
  static func values<T: WindowNumber>(
    _ layout: WindowLayout, _ c: PrimitiveColumn<T>, overflows: inout Int
  ) -> PrimitiveColumn<T> {
    var out = [T](repeating: T.zero, count: layout.count)
    var nulls = [Bool](repeating: true, count: layout.count)
    let starts = layout.partitionStarts
    for k in 0..<(starts.count - 1) {
      let start = starts[k]
      for p in start..<starts[k + 1] where p > start {
        let row = Int(layout.rows[p])
        let previous = Int(layout.rows[p - 1])
        if c.validity.isValid(row) && c.validity.isValid(previous) {
          let (difference, overflow) = T.minus(c.values[row], c.values[previous])
          if overflow {
            overflows += 1
          } else {
            out[row] = difference
            nulls[row] = false
          }
        }
      }
    }
    return WindowEvaluator.column(out, nulls: nulls)
  }
}
