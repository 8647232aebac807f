
/// The ordered list of fields of a ``Table``.
package struct Schema: Sendable, Equatable {
  /// The fields, in column order.
  package var fields: [Field]

  /// Creates a schema.
  package init(_ fields: [Field]) {
    self.fields = fields
  }

  /// The column names, in order.
  package var names: [String] { fields.map(\.name) }

  /// The index of the column called `name`, matched exactly.
  package func index(of name: String) -> Int? {
    fields.firstIndex { $0.name == name }
  }
}
