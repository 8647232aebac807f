import TrappeStorage

extension SQLCompiler {
  /// `count`: one row with the number of rows.
  mutating func count(_ child: LogicalPlan) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    return add(
      "SELECT 1 AS \(ord), CAST(count(*) AS BIGINT) AS \(dialect.identifier("count")) FROM \(input.name)",
      columns: [PlanColumn(name: "count", type: .int64)])
  }
}
