extension SQLCompiler {
  /// `select`/`extend`/`rename`: the output columns computed from the input's.
  mutating func project(_ child: LogicalPlan, _ projected: [ProjectedColumn]) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    let s = scope(input)
    var items = [ord]
    for column in projected {
      items.append("\(try expression(column.expression, s)) AS \(dialect.identifier(column.name))")
    }
    let columns = LogicalPlan.project(child, projected).columns
    return add("SELECT \(items.joined(separator: ", ")) FROM \(input.name)", columns: columns)
  }
}
