import TrappeQuery

extension MeasureDefinition {
  /// The measure's numerator and denominator per `keys` over an analysis's input, as a SQL query
  /// (`__ord`, the keys, `numerator`, `denominator`): the same summarize plan the analyses run.
  func sqlTotals(
    input: SQLAnalysisInput, by keys: [String], dialect: any SQLDialect, prefix: String
  ) throws(SQLError) -> String {
    let placeholder = "__measure_input"
    let plan: LogicalPlan
    do {
      plan = try MeasureEvaluator.plan(
        PlanBuilder.placeholder(input.columns, name: placeholder), measure: self, by: keys)
    } catch {
      throw SQLError(error.message, hints: error.hints)
    }
    return try SQLCompiler.nested(plan, placeholder: placeholder, input: input.name, dialect: dialect, prefix: prefix)
  }
}
