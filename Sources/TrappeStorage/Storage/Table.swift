
/// A schema plus columns of equal length: the unit every command reads and produces.
package struct Table: Sendable, Equatable {
  /// The column names and types.
  package private(set) var schema: Schema
  /// The columns, in schema order.
  package private(set) var columns: [Column]
  /// The number of rows.
  package private(set) var rowCount: Int

  /// Creates a table; every column must have the schema's type and the same length.
  package init(schema: Schema, columns: [Column]) {
    precondition(schema.fields.count == columns.count, "schema and columns differ in count")
    let rows = columns.first?.count ?? 0
    for (field, column) in zip(schema.fields, columns) {
      precondition(field.type == column.type, "column \(field.name) has the wrong type")
      precondition(column.count == rows, "column \(field.name) has the wrong length")
    }
    self.schema = schema
    self.columns = columns
    self.rowCount = rows
  }

  /// Creates a table from named columns, taking each column's own type.
  package init(_ named: [(String, Column)]) {
    self.init(
      schema: Schema(named.map { Field(name: $0.0, type: $0.1.type) }),
      columns: named.map(\.1))
  }

  /// An empty table without columns.
  package static let empty = Table(schema: Schema([]), columns: [])

  /// The number of columns.
  package var columnCount: Int { columns.count }

  /// The column called `name`, if any.
  package func column(named name: String) -> Column? {
    schema.index(of: name).map { columns[$0] }
  }

  /// Bytes used by the columns' storage.
  package var byteCount: Int { columns.reduce(0) { $0 + $1.byteCount } }
}
