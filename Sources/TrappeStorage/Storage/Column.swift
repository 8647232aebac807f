
/// A typed column: one of the concrete column layouts.
///
/// Operators switch on the case once per column and then loop over the
/// contiguous storage of that case, never over boxed values.
package enum Column: Sendable, Equatable {
  case int64(Int64Column)
  case double(DoubleColumn)
  case bool(BoolColumn)
  case string(StringColumn)
  case period(PeriodColumn)

  /// The column's logical type.
  package var type: DataType {
    switch self {
    case .int64: return .int64
    case .double: return .double
    case .bool: return .bool
    case .string: return .string
    case .period: return .period
    }
  }

  /// The number of rows.
  package var count: Int {
    switch self {
    case .int64(let c): return c.count
    case .double(let c): return c.count
    case .bool(let c): return c.count
    case .string(let c): return c.count
    case .period(let c): return c.count
    }
  }

  /// The column's validity bitmap.
  package var validity: ValidityMask {
    switch self {
    case .int64(let c): return c.validity
    case .double(let c): return c.validity
    case .bool(let c): return c.validity
    case .string(let c): return c.validity
    case .period(let c): return c.validity
    }
  }

  /// Whether row `row` holds a value.
  package func isValid(_ row: Int) -> Bool {
    switch self {
    case .int64(let c): return c.validity.isValid(row)
    case .double(let c): return c.validity.isValid(row)
    case .bool(let c): return c.validity.isValid(row)
    case .string(let c): return c.validity.isValid(row)
    case .period(let c): return c.validity.isValid(row)
    }
  }

  /// The value at `row` as a boxed ``Value``: for display and tests, not inner loops.
  package func value(at row: Int) -> Value {
    switch self {
    case .int64(let c): return c[row].map(Value.int64) ?? .null
    case .double(let c): return c[row].map(Value.double) ?? .null
    case .bool(let c): return c[row].map(Value.bool) ?? .null
    case .string(let c): return c[row].map(Value.string) ?? .null
    case .period(let c): return c[row].map(Value.period) ?? .null
    }
  }

  /// The number of null rows.
  package var nullCount: Int { validity.nullCount }

  /// Bytes used by the column's storage.
  package var byteCount: Int {
    switch self {
    case .int64(let c): return c.byteCount
    case .double(let c): return c.byteCount
    case .bool(let c): return c.byteCount
    case .string(let c): return c.byteCount
    case .period(let c): return c.byteCount
    }
  }
}
