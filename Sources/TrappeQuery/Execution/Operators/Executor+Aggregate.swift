import TrappeBase
import TrappeStorage

extension Executor {
  /// Groups by the keys and computes each aggregate per group.
  mutating func aggregate(
    _ child: LogicalPlan, keys: [ProjectedColumn], aggregates: [NamedAggregate]
  ) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    noteSummarized(input.rowCount)
    var keyColumns: [Column] = []
    for key in keys { keyColumns.append(try evaluate(key.expression, on: input)) }
    let groups = groupsInMorsels(keys: keyColumns, rowCount: input.rowCount)
    // The grouping stops early on Ctrl-C with a placeholder index.
    try Interrupt.check()
    var named: [(String, Column)] = zip(keys, keyColumns).map { ($0.name, $1.gather(groups.firstRow)) }
    for aggregate in aggregates {
      if let fused = try fusedAggregate(aggregate.call, on: input, groups: groups) {
        named.append((aggregate.name, fused))
        continue
      }
      var inputColumn: Column?
      if let expression = aggregate.call.input { inputColumn = try evaluate(expression, on: input) }
      var argumentColumn: Column?
      if let expression = aggregate.call.argument { argumentColumn = try evaluate(expression, on: input) }
      try Interrupt.check()
      named.append(
        (
          aggregate.name,
          aggregateInMorsels(
            aggregate.call.function, input: inputColumn, argument: argumentColumn,
            parameter: aggregate.call.parameter, groups: groups)
        ))
    }
    return Relation(table: Table(named), selection: nil)
  }
}
