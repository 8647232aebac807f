
extension Column {
  /// The column with an int column stored in its narrowest width (see ``Int64Column/narrowed()``);
  /// other types unchanged. Called once where a column is finished (CSV load, datasets).
  package func narrowed() -> Column {
    if case .int64(let c) = self { return .int64(c.narrowed()) }
    return self
  }
}

extension Table {
  /// Every int column stored in its narrowest width.
  package func narrowed() -> Table {
    Table(schema: schema, columns: columns.map { $0.narrowed() })
  }
}
