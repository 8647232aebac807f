import TrappeStorage

/// `next(x, n)`: x from n rows later in the partition's order; NULL after the last row.
enum NextWindow {
  /// The shifted input, in original row order, of the input's type.
  static func compute(_ layout: WindowLayout, input: Column, offset: Int) -> Column {
    input.gather(layout.shiftedRows(by: offset))
  }
}
