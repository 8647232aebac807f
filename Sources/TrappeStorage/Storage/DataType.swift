
/// The logical type of a column.
package enum DataType: String, Sendable, CaseIterable, Equatable {
  case int64 = "int"
  case double = "double"
  case bool = "bool"
  case string = "string"
  case period = "period"

  /// The name shown under a column header and accepted in type overrides.
  package var name: String { rawValue }

  /// Parses a type name as a user writes it (`int`, `integer`, `float`, `text`, ...).
  package init?(userName: String) {
    switch userName.lowercased() {
    case "int", "integer", "int64", "bigint": self = .int64
    case "double", "float", "real", "decimal", "number": self = .double
    case "bool", "boolean": self = .bool
    case "string", "text", "varchar", "str": self = .string
    case "period", "date", "time": self = .period
    default: return nil
    }
  }

  /// Whether values of the type are numbers (right-aligned, summable).
  package var isNumeric: Bool { self == .int64 || self == .double }
}
