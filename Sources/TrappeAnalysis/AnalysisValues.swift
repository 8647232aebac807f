import TrappeBase
import TrappeStorage

/// Reads table columns as plain Swift arrays and builds result columns, for analyses.
///
/// Analyses work on small aggregated tables (one row per municipality and
/// period), so boxing into optionals here is cheap and keeps the code clear.
enum AnalysisValues {
  /// The column's values as doubles (NULL and non-numeric rows as nil).
  static func doubles(_ column: Column) -> [Double?] {
    switch column {
    case .double(let c): return (0..<c.count).map { c[$0] }
    case .int64(let c): return (0..<c.count).map { c[$0].map(Double.init) }
    case .bool(let c): return (0..<c.count).map { c[$0].map { $0 ? 1 : 0 } }
    default: return [Double?](repeating: nil, count: column.count)
    }
  }

  /// The column's values as text (numbers spelled plainly, NULL as nil).
  static func strings(_ column: Column) -> [String?] {
    if case .string(let c) = column { return (0..<c.count).map { c[$0] } }
    return (0..<column.count).map { row in
      let value = column.value(at: row)
      return value.isNull ? nil : value.description
    }
  }

  /// A double column; nil becomes NULL.
  static func doubleColumn(_ values: [Double?]) -> Column {
    var validity = ValidityMask(allValid: 0)
    for value in values { validity.append(value != nil) }
    return .double(DoubleColumn(values: values.map { $0 ?? 0 }, validity: validity))
  }

  /// An integer column; nil becomes NULL.
  static func int64Column(_ values: [Int64?]) -> Column {
    var validity = ValidityMask(allValid: 0)
    for value in values { validity.append(value != nil) }
    return .int64(Int64Column(values: values.map { $0 ?? 0 }, validity: validity))
  }

  /// A text column; nil becomes NULL.
  static func stringColumn(_ values: [String?]) -> Column {
    .string(StringColumn(values))
  }

  /// A number for notes: rounded to `digits` decimals, without trailing noise.
  static func format(_ value: Double, digits: Int = 2) -> String {
    var factor = 1.0
    for _ in 0..<digits { factor *= 10 }
    let rounded = (value * factor).rounded() / factor
    return NumberFormatting.plain(rounded).replacingSuffix(".0")
  }
}
