extension SQLCompiler {
  /// An analysis stage: compiled by the analysis itself when it has a SQL form.
  mutating func analysis(_ child: LogicalPlan, _ node: AnalysisNode) throws(SQLError) -> SQLStage {
    try requireAnalysisSQL(node)
    let input = try compile(child)
    guard
      let body = try node.operation.sql(
        input: SQLAnalysisInput(name: input.name, columns: input.columns), dialect: dialect)
    else {
      throw SQLError(
        "\(node.operation.summary) has no SQL form yet",
        hints: ["explain sql covers the pipeline up to the analysis; compile that part alone"])
    }
    return add(body, columns: node.operation.columns)
  }
}

extension SQLCompiler {
  /// Refuses an analysis in a dialect its SQL was not written for.
  func requireAnalysisSQL(_ node: AnalysisNode) throws(SQLError) {
    guard dialect.compilesAnalyses else {
      throw SQLError(
        "\(node.operation.summary) has no \(dialect.name) form yet: the analyses' SQL is written and checked for DuckDB",
        hints: ["use .sqldialect duckdb, or compile the pipeline up to the analysis"])
    }
  }
}

/// What an analysis's SQL reads: the CTE holding its input (with `__ord`) and that input's columns.
package struct SQLAnalysisInput: Sendable {
  package var name: String
  package var columns: [PlanColumn]
}
