
/// Appends values to a ``PrimitiveColumn`` one row at a time.
///
/// Public and inlinable: the CSV loader (TrappeIO) appends every parsed value through it and must
/// get a builder specialised for its element type; Swift inlines and specialises a generic across
/// modules only for public `@inlinable` code.
public struct PrimitiveColumnBuilder<Element: Sendable & Equatable>: Sendable {
  @usableFromInline var values: [Element] = []
  @usableFromInline var validity = ValidityMask(allValid: 0)
  @usableFromInline let placeholder: Element

  /// Creates a builder; `placeholder` fills the slots of null rows.
  @inlinable public init(placeholder: Element, capacity: Int = 0) {
    self.placeholder = placeholder
    values.reserveCapacity(capacity)
  }

  /// Appends a value.
  @inlinable public mutating func append(_ value: Element) {
    appendSlot(value, valid: true)
  }

  /// Appends a null row.
  @inlinable public mutating func appendNull() {
    appendSlot(placeholder, valid: false)
  }

  @inlinable @inline(__always) mutating func appendSlot(_ value: Element, valid: Bool) {
    values.append(value)
    validity.append(valid)
  }

  /// The number of rows appended so far.
  @inlinable public var count: Int { values.count }

  /// Returns the finished column.
  package func finish() -> PrimitiveColumn<Element> {
    PrimitiveColumn(values: values, validity: validity)
  }
}
