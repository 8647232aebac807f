extension SQLCompiler {
  /// `where`: the rows where the predicate is true; `__ord` keeps their order.
  mutating func filter(_ child: LogicalPlan, _ predicate: BoundExpression) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    let condition = try expression(predicate, scope(input))
    return add("SELECT * FROM \(input.name) WHERE \(condition)", columns: input.columns)
  }
}
