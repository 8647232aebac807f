import TrappeStorage

extension Column {
  /// `value` repeated `count` times as a column of `type`.
  ///
  /// A string constant becomes a one-entry dictionary with every code 0.
  /// NULL, or a value that does not convert to `type`, gives a NULL column.
  static func constant(_ value: Value, type: DataType, count: Int) -> Column {
    switch type {
    case .int64:
      if let v = value.int64Value { return .int64(Int64Column([Int64](repeating: v, count: count))) }
    case .double:
      if let v = value.doubleValue { return .double(PrimitiveColumn([Double](repeating: v, count: count))) }
    case .bool:
      if let v = value.boolValue { return .bool(PrimitiveColumn([Bool](repeating: v, count: count))) }
    case .string:
      if let v = value.stringValue {
        return .string(
          StringColumn(
            storage: .zeros(count, entries: 1), dictionary: [v],
            validity: ValidityMask(allValid: count)))
      }
    case .period:
      if let p = value.periodValue {
        return .period(
          PeriodColumn(
            unit: p.unit, ordinals: [Int32](repeating: p.ordinal, count: count),
            validity: ValidityMask(allValid: count)))
      }
    }
    return .nulls(type, count: count)
  }
}
