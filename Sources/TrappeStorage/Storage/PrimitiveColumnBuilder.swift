import TrappeBase

/// Appends values to a ``PrimitiveColumn`` one row at a time.
package struct PrimitiveColumnBuilder<Element: Sendable & Equatable>: Sendable {
  private var values: [Element] = []
  private var validity = ValidityMask(allValid: 0)
  private let placeholder: Element

  /// Creates a builder; `placeholder` fills the slots of null rows.
  package init(placeholder: Element, capacity: Int = 0) {
    self.placeholder = placeholder
    values.reserveCapacity(capacity)
  }

  /// Appends a value.
  package mutating func append(_ value: Element) {
    appendSlot(value, valid: true)
  }

  /// Appends a null row.
  package mutating func appendNull() {
    appendSlot(placeholder, valid: false)
  }

  mutating func appendSlot(_ value: Element, valid: Bool) {
    values.append(value)
    validity.append(valid)
  }

  /// The number of rows appended so far.
  package var count: Int { values.count }

  /// Returns the finished column.
  package func finish() -> PrimitiveColumn<Element> {
    PrimitiveColumn(values: values, validity: validity)
  }
}
