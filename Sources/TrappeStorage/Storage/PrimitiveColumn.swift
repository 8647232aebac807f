
/// A column of fixed-width values stored contiguously, with a validity bitmap.
///
/// The slot of a null row holds a placeholder value (zero or false) that
/// operators must ignore by consulting ``validity``.
package struct PrimitiveColumn<Element: Sendable & Equatable>: Sendable, Equatable {
  /// One value per row; placeholder values stand in null slots.
  package var values: [Element]
  /// Which rows hold a value.
  package var validity: ValidityMask

  /// Creates a column from values and a validity mask of the same length.
  package init(values: [Element], validity: ValidityMask) {
    precondition(values.count == validity.count, "values and validity differ in length")
    self.values = values
    self.validity = validity
  }

  /// Creates a column without nulls.
  package init(_ values: [Element]) {
    self.values = values
    self.validity = ValidityMask(allValid: values.count)
  }

  /// The number of rows.
  package var count: Int { values.count }

  /// The value at `row`, or nil when the row is null.
  package subscript(row: Int) -> Element? {
    validity.isValid(row) ? values[row] : nil
  }

  /// Bytes used by the values and the bitmap.
  package var byteCount: Int {
    values.count * MemoryLayout<Element>.stride + validity.byteCount
  }
}

/// A column of IEEE 754 doubles.
package typealias DoubleColumn = PrimitiveColumn<Double>
/// A column of booleans, one byte per row.
package typealias BoolColumn = PrimitiveColumn<Bool>
