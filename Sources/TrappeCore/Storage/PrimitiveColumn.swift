/// A column of fixed-width values stored contiguously, with a validity bitmap.
///
/// The slot of a null row holds a placeholder value (zero or false) that
/// operators must ignore by consulting ``validity``.
public struct PrimitiveColumn<Element: Sendable & Equatable>: Sendable, Equatable {
  /// One value per row; placeholder values stand in null slots.
  public var values: [Element]
  /// Which rows hold a value.
  public var validity: ValidityMask

  /// Creates a column from values and a validity mask of the same length.
  public init(values: [Element], validity: ValidityMask) {
    precondition(values.count == validity.count, "values and validity differ in length")
    self.values = values
    self.validity = validity
  }

  /// Creates a column without nulls.
  public init(_ values: [Element]) {
    self.values = values
    self.validity = ValidityMask(allValid: values.count)
  }

  /// The number of rows.
  public var count: Int { values.count }

  /// The value at `row`, or nil when the row is null.
  public subscript(row: Int) -> Element? {
    validity.isValid(row) ? values[row] : nil
  }

  /// Bytes used by the values and the bitmap.
  public var byteCount: Int {
    values.count * MemoryLayout<Element>.stride + validity.byteCount
  }
}

/// A column of 64-bit signed integers.
public typealias Int64Column = PrimitiveColumn<Int64>
/// A column of IEEE 754 doubles.
public typealias DoubleColumn = PrimitiveColumn<Double>
/// A column of booleans, one byte per row.
public typealias BoolColumn = PrimitiveColumn<Bool>
