import TrappeBase

/// One boxed cell value, for display, statistics of a column and tests.
///
/// Inner loops never use `Value`; they work on the typed arrays of ``Column``.
package enum Value: Sendable, Hashable, CustomStringConvertible {
  case null
  case int64(Int64)
  case double(Double)
  case bool(Bool)
  case string(String)
  case period(Period)

  /// Whether the value is null.
  package var isNull: Bool {
    if case .null = self { return true }
    return false
  }

  /// A plain, locale-independent spelling (`NULL` for null).
  package var description: String {
    switch self {
    case .null: return "NULL"
    case .int64(let v): return String(v)
    case .double(let v): return NumberFormatting.plain(v)
    case .bool(let v): return v ? "true" : "false"
    case .string(let v): return v
    case .period(let v): return v.description
    }
  }
}
