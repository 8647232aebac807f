import TrappeStorage

/// Conversions between column types: the binder's widening casts
/// (int → double, int → period(year)) and the conversion functions.
///
/// - to double: ints convert; strings parse (NULL when they do not); bools are 0/1;
/// - to int: doubles truncate toward zero; strings parse; bools are 0/1;
/// - to period: an int is a year; strings parse;
/// - to string: see ``StringFunction``;
/// - to bool: ints are `x != 0`; strings "true"/"false" (any case).
/// A value that does not convert gives NULL and counts
/// ``EvaluationWarnings/failedConversions``.
enum CastKernel {
  /// `column` as `type`.
  static func cast(_ column: Column, to type: DataType, warnings: inout EvaluationWarnings) -> Column {
    if column.type == type { return column }
    switch type {
    case .double: return DoubleFunction.apply(column, warnings: &warnings)
    case .int64: return IntFunction.apply(column, warnings: &warnings)
    case .period: return PeriodFunction.apply(column, warnings: &warnings)
    case .string: return StringFunction.apply(column)
    case .bool: return toBool(column, warnings: &warnings)
    }
  }

  private static func toBool(_ column: Column, warnings: inout EvaluationWarnings) -> Column {
    switch column {
    case .int64(let c):
      return .bool(PrimitiveColumn(values: c.widenedValues().converted { $0 != 0 }, validity: c.validity))
    case .double(let c):
      return .bool(PrimitiveColumn(values: c.values.converted { $0 != 0 }, validity: c.validity))
    case .string(let c):
      let parsed = c.dictionary.map { s -> Bool? in
        switch s.lowercased() {
        case "true": return true
        case "false": return false
        default: return nil
        }
      }
      let (validity, failures) = DictionaryKernel.validity(c, ok: parsed.map { $0 != nil })
      warnings.failedConversions += failures
      let values = DictionaryKernel.gather(parsed.map { $0 ?? false }, codes: c.storage, placeholder: false)
      return .bool(PrimitiveColumn(values: values, validity: validity))
    default:
      warnings.failedConversions += column.count - column.nullCount
      return .nulls(.bool, count: column.count)
    }
  }
}
