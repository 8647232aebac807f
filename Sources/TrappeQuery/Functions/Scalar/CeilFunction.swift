import TrappeStorage

/// `ceil(x)`: the smallest int not below x (SQL: `CAST(ceil(x) AS BIGINT)`); an int is returned unchanged.
///
/// A double whose ceiling is outside Int64 gives NULL and counts as an overflow; NaN or
/// an infinity gives NULL and counts as an argument out of range.
enum CeilFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    IntegralRounding.apply(x, rule: .up, warnings: &warnings)
  }
}
