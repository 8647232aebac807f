extension SQLCompiler {
  /// `sort` and `top N by`: a stable sort (ties keep input order, NULLs last, strings in Danish
  /// order), renumbering `__ord`; `top` then keeps the first `count` rows.
  mutating func sort(_ child: LogicalPlan, _ keys: [BoundSortKey], count: Int?) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    let items = try orderItems(keys, scope: scope(input)) + [ord]
    let columns = references(input).map { $0 + ", " }.joined()
    let sorted = add(
      "SELECT \(columns)row_number() OVER (ORDER BY \(items.joined(separator: ", "))) AS \(ord) FROM \(input.name)",
      columns: input.columns)
    guard let count else { return sorted }
    return add("SELECT * FROM \(sorted.name) WHERE \(ord) <= \(count)", columns: input.columns)
  }

  /// `take N`: the first `count` rows.
  mutating func limit(_ child: LogicalPlan, count: Int) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    return add("SELECT * FROM \(input.name) ORDER BY \(ord) LIMIT \(count)", columns: input.columns)
  }
}
