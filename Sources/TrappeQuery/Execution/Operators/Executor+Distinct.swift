import TrappeBase

extension Executor {
  /// One row per distinct combination of all columns, first occurrence order.
  mutating func distinct(_ child: LogicalPlan) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    let table = input.materialized()
    let groups = GroupIndex.build(keys: table.columns)
    // The grouping stops early on Ctrl-C with a placeholder index.
    try Interrupt.check()
    return Relation(table: table, selection: groups.firstRow)
  }
}
