import TrappeStorage

extension Column {
  /// A double column with its infinite and NaN values made NULL, counted into
  /// `warnings.notFinite`; other columns, and double columns without such values, unchanged.
  /// Aggregates pass their results through this, so a sum beyond the double range is NULL with a
  /// warning (as `exp` and `pow` are), never `inf`.
  func nullingNonFinite(_ warnings: inout EvaluationWarnings) -> Column {
    guard case .double(let c) = self else { return self }
    var bad = 0
    for row in 0..<c.count where c.validity.isValid(row) && !c.values[row].isFinite { bad += 1 }
    guard bad > 0 else { return self }
    warnings.notFinite += bad
    let flags = (0..<c.count).map { c.validity.isValid($0) && c.values[$0].isFinite }
    let values = c.values.map { $0.isFinite ? $0 : 0 }
    return .double(PrimitiveColumn(values: values, validity: .fromFlags(flags)))
  }
}
