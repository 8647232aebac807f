import TrappeBase
import TrappeStorage

extension Executor {
  /// One row per input row and unpivoted column.
  mutating func unpivot(
    _ child: LogicalPlan, columns: [Int], nameColumn: String, valueColumn: String
  ) throws(ExecutionStop) -> Relation {
    let table = try execute(child).materialized()
    let result =
      UnpivotKernel.unpivot(table: table, columns: columns, nameColumn: nameColumn, valueColumn: valueColumn)
      ?? table
    return Relation(table: result, selection: nil)
  }
}
