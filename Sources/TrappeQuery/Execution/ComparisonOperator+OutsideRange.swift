extension ComparisonOperator {
  /// The result of `x op s` for every `x` of a narrow integer column when the constant `s` lies
  /// outside the column's stored range: above it (`above`) or below it. A comparison of a
  /// column stored in 8, 16 or 32 bits with such a constant is then all true or all false.
  func outsideRangeResult(above: Bool) -> Bool {
    switch self {
    case .equal: return false
    case .notEqual: return true
    case .less, .lessOrEqual: return above
    case .greater, .greaterOrEqual: return !above
    }
  }
}
