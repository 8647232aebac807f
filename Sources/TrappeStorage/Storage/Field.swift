
/// A named, typed column slot in a ``Schema``.
package struct Field: Sendable, Equatable {
  /// The column name as the user sees and writes it.
  package var name: String
  /// The column's logical type.
  package var type: DataType

  /// Creates a field.
  package init(name: String, type: DataType) {
    self.name = name
    self.type = type
  }
}
