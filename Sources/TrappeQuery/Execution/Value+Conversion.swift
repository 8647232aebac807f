import TrappeStorage

extension Value {
  /// The value as an int, converting a double only when it is integral and in range.
  package var int64Value: Int64? {
    switch self {
    case .int64(let v): return v
    case .double(let v): return Int64(exactly: v)
    case .bool(let v): return v ? 1 : 0
    default: return nil
    }
  }

  /// The value as a double (ints convert).
  package var doubleValue: Double? {
    switch self {
    case .int64(let v): return Double(v)
    case .double(let v): return v
    default: return nil
    }
  }

  /// The value as a period (an int is a year; a string is parsed).
  var periodValue: Period? {
    switch self {
    case .period(let p): return p
    case .int64(let v): return Int32(exactly: v).map { Period(unit: .year, ordinal: $0) }
    case .string(let s): return Period(s)
    default: return nil
    }
  }

  /// The value as text (strings only; other types use ``description``).
  package var stringValue: String? {
    switch self {
    case .null: return nil
    case .string(let s): return s
    default: return description
    }
  }

  /// The value as a bool.
  var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }
}
