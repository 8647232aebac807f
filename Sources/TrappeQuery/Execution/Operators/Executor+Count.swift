import TrappeBase
import TrappeStorage

extension Executor {
  /// The number of rows, as a one-row table.
  mutating func count(_ child: LogicalPlan) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    noteSummarized(input.rowCount)
    return Relation(table: Table([("count", .int64(Int64Column([Int64(input.rowCount)])))]), selection: nil)
  }
}
