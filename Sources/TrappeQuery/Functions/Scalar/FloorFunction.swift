import TrappeStorage

/// `floor(x)`: the largest int not above x (SQL: `CAST(floor(x) AS BIGINT)`); an int is returned unchanged.
///
/// A double whose floor is outside Int64 gives NULL and counts as an overflow; NaN or
/// an infinity gives NULL and counts as an argument out of range.
enum FloorFunction {
  static func apply(_ x: Column, warnings: inout EvaluationWarnings) -> Column {
    IntegralRounding.apply(x, rule: .down, warnings: &warnings)
  }
}
