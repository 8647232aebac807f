import TrappeStorage

/// The one-byte tag that names a column's layout in a columnar file.
enum ColumnarTypeTag: UInt8 {
  case int64 = 0
  case double = 1
  case bool = 2
  case string = 3
  case period = 4

  /// The tag of `column`'s layout.
  init(_ column: Column) {
    switch column {
    case .int64: self = .int64
    case .double: self = .double
    case .bool: self = .bool
    case .string: self = .string
    case .period: self = .period
    }
  }
}
