
extension Column {
  /// The unit of a period column; `.year` for other types.
  package var periodUnit: PeriodUnit {
    if case .period(let c) = self { return c.unit }
    return .year
  }
}
