import TrappeBase
import TrappeStorage

extension Executor {
  /// The rows of both sides, columns matched by name.
  mutating func union(
    _ left: LogicalPlan, _ right: LogicalPlan, columns: [PlanColumn]
  ) throws(ExecutionStop) -> Relation {
    let l = try execute(left).materialized()
    let r = try executeSide(right).materialized()
    guard let combined = l.union(r) else { return Relation(table: l, selection: nil) }
    return Relation(table: combined.renamed(columns.map(\.name)), selection: nil)
  }
}
