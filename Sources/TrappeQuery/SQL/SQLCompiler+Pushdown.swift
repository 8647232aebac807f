extension SQLCompiler {
  /// An analysis stage split for an engine: one statement that compiles the analysis's input
  /// (`child`) and runs the analysis's reducing query over it, with the ``SQLPushdown`` whose
  /// `finish` completes the analysis locally on that statement's result. Nil when the analysis
  /// has no pushdown (the engine then runs its full ``AnalysisOperator/sql(input:dialect:)``).
  /// The statement's result has ``SQLPushdown/columns`` in the dialect's period representation.
  package mutating func pushdownStatement(_ child: LogicalPlan, _ node: AnalysisNode) throws(SQLError)
    -> (statement: String, pushdown: SQLPushdown)?
  {
    let input = try compile(child)
    guard
      let pushdown = try node.operation.pushdown(
        input: SQLAnalysisInput(name: input.name, columns: input.columns), dialect: dialect)
    else { return nil }
    let stage = add(pushdown.sql, columns: pushdown.columns)
    let names = pushdown.columns.map { dialect.identifier($0.name) }
    return (withClause() + "SELECT " + names.joined(separator: ", ") + " FROM " + stage.name, pushdown)
  }
}
