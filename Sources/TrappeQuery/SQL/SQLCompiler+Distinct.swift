extension SQLCompiler {
  /// `distinct`: one row per combination of all columns (NULLs equal), at its first occurrence.
  mutating func distinct(_ child: LogicalPlan) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    let names = references(input)
    let list = names.joined(separator: ", ")
    return add(
      "SELECT min(\(ord)) AS \(ord)\(names.isEmpty ? "" : ", " + list) FROM \(input.name)"
        + (names.isEmpty ? "" : " GROUP BY \(list)"),
      columns: input.columns)
  }
}
