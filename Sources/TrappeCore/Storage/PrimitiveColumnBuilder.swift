/// Appends values to a ``PrimitiveColumn`` one row at a time.
public struct PrimitiveColumnBuilder<Element: Sendable & Equatable>: Sendable {
  private var values: [Element] = []
  private var validity = ValidityMask(allValid: 0)
  private let placeholder: Element

  /// Creates a builder; `placeholder` fills the slots of null rows.
  public init(placeholder: Element, capacity: Int = 0) {
    self.placeholder = placeholder
    values.reserveCapacity(capacity)
  }

  /// Appends a value.
  public mutating func append(_ value: Element) {
    appendSlot(value, valid: true)
  }

  /// Appends a null row.
  public mutating func appendNull() {
    appendSlot(placeholder, valid: false)
  }

  mutating func appendSlot(_ value: Element, valid: Bool) {
    values.append(value)
    validity.append(valid)
  }

  /// The number of rows appended so far.
  public var count: Int { values.count }

  /// Returns the finished column.
  public func finish() -> PrimitiveColumn<Element> {
    PrimitiveColumn(values: values, validity: validity)
  }
}
