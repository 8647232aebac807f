
extension Table {
  /// The rows of this table followed by the rows of `other`, columns matched by name (KQL `union`).
  ///
  /// The result has this table's columns in order, then `other`'s columns that
  /// this table lacks. A column missing on one side is NULL in that side's rows.
  /// Returns nil when a shared column name has types that cannot be
  /// concatenated (see ``Column/concatenated(_:)``).
  package func union(_ other: Table) -> Table? {
    var named: [(String, Column)] = []
    for (field, column) in zip(schema.fields, columns) {
      let tail: Column
      if let index = other.schema.index(of: field.name) {
        tail = other.columns[index]
      } else {
        tail = Column.nulls(field.type, count: other.rowCount, unit: column.periodUnit)
      }
      guard let joined = column.concatenated(tail) else { return nil }
      named.append((field.name, joined))
    }
    for (field, column) in zip(other.schema.fields, other.columns) where schema.index(of: field.name) == nil {
      let head = Column.nulls(field.type, count: rowCount, unit: column.periodUnit)
      guard let joined = head.concatenated(column) else { return nil }
      named.append((field.name, joined))
    }
    return Table(named)
  }
}
