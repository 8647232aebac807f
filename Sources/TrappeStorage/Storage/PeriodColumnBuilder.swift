
/// Appends periods of one unit to a ``PeriodColumn``.
package struct PeriodColumnBuilder: Sendable {
  private let unit: PeriodUnit
  private var ordinals: [Int32] = []
  private var validity = ValidityMask(allValid: 0)

  /// Creates a builder for periods of `unit`.
  package init(unit: PeriodUnit, capacity: Int = 0) {
    self.unit = unit
    ordinals.reserveCapacity(capacity)
  }

  /// Appends a period; returns false (and appends nothing) when its unit differs.
  @discardableResult
  package mutating func append(_ period: Period) -> Bool {
    guard period.unit == unit else { return false }
    ordinals.append(period.ordinal)
    validity.append(true)
    return true
  }

  /// Appends a null row.
  package mutating func appendNull() {
    ordinals.append(0)
    validity.append(false)
  }

  /// Returns the finished column.
  package func finish() -> PeriodColumn {
    PeriodColumn(unit: unit, ordinals: ordinals, validity: validity)
  }
}
