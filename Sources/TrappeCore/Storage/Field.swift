/// A named, typed column slot in a ``Schema``.
public struct Field: Sendable, Equatable {
  /// The column name as the user sees and writes it.
  public var name: String
  /// The column's logical type.
  public var type: DataType

  /// Creates a field.
  public init(name: String, type: DataType) {
    self.name = name
    self.type = type
  }
}
