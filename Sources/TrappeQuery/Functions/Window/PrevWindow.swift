import TrappeStorage

/// `prev(x, n)`: x from n rows earlier in the partition's order; NULL before the first row.
enum PrevWindow {
  /// The shifted input, in original row order, of the input's type.
  static func compute(_ layout: WindowLayout, input: Column, offset: Int) -> Column {
    input.gather(layout.shiftedRows(by: -offset))
  }
}
