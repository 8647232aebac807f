/// The ordered list of fields of a ``Table``.
public struct Schema: Sendable, Equatable {
  /// The fields, in column order.
  public var fields: [Field]

  /// Creates a schema.
  public init(_ fields: [Field]) {
    self.fields = fields
  }

  /// The column names, in order.
  public var names: [String] { fields.map(\.name) }

  /// The index of the column called `name`, matched exactly.
  public func index(of name: String) -> Int? {
    fields.firstIndex { $0.name == name }
  }
}
