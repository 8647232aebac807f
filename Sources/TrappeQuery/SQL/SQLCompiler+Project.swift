extension SQLCompiler {
  /// `select`/`extend`/`rename`: the output columns computed from the input's.
  mutating func project(_ child: LogicalPlan, _ projected: [ProjectedColumn]) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    let s = scope(input)
    var items = [ord]
    for column in projected {
      let sql = try expression(column.expression, s)
      let name = dialect.identifier(column.name)
      items.append(sql == name ? name : "\(sql) AS \(name)")
    }
    var columns = LogicalPlan.project(child, projected).columns
    for (offset, column) in projected.enumerated() where column.unit == nil {
      columns[offset].unit = unit(of: column.expression, s)
    }
    return add("SELECT \(items.joined(separator: ", ")) FROM \(input.name)", columns: columns)
  }
}
