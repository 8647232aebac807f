import TrappeBase

extension Executor {
  /// One row per distinct combination of all columns, first occurrence order.
  mutating func distinct(_ child: LogicalPlan) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    let table = input.materialized()
    let groups = GroupIndex.build(keys: table.columns)
    return Relation(table: table, selection: groups.firstRow)
  }
}
