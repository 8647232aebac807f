
/// A column of periods that share one unit, stored as 32-bit ordinals.
package struct PeriodColumn: Sendable, Equatable {
  /// The unit every period in the column has.
  package var unit: PeriodUnit
  /// One ordinal per row (see ``Period``); 0 stands in null slots.
  package var ordinals: [Int32]
  /// Which rows hold a value.
  package var validity: ValidityMask

  /// Creates a column from a unit, ordinals and a validity mask.
  package init(unit: PeriodUnit, ordinals: [Int32], validity: ValidityMask) {
    precondition(ordinals.count == validity.count, "ordinals and validity differ in length")
    self.unit = unit
    self.ordinals = ordinals
    self.validity = validity
  }

  /// The number of rows.
  package var count: Int { ordinals.count }

  /// The period at `row`, or nil when the row is null.
  package subscript(row: Int) -> Period? {
    validity.isValid(row) ? Period(unit: unit, ordinal: ordinals[row]) : nil
  }

  /// Bytes used by the ordinals and the bitmap.
  package var byteCount: Int { ordinals.count * 4 + validity.byteCount }
}
