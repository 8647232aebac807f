import TrappeBase
import TrappeStorage

extension Executor {
  /// Runs an analysis on its complete input; its error stops the query.
  mutating func analysis(_ child: LogicalPlan, _ node: AnalysisNode) throws(ExecutionStop) -> Relation {
    let input = try execute(child).materialized()
    noteSummarized(input.rowCount)
    do throws(Diagnostic) {
      return Relation(table: try node.operation.run(input, notes: &notes), selection: nil)
    } catch {
      failure = error
      throw ExecutionStop.interrupted
    }
  }
}
