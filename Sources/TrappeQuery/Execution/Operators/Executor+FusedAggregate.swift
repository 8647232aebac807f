import TrappeBase
import TrappeStorage

extension Executor {
  /// `sum`/`avg` of row-wise arithmetic computed chunk by chunk (``FusedAggregate``), or nil
  /// for every other aggregate (then the input is evaluated in full as before).
  mutating func fusedAggregate(
    _ call: AggregateCall, on input: Relation, groups: GroupIndex
  ) throws(ExecutionStop) -> Column? {
    guard call.argument == nil, let expression = call.input,
      FusedAggregate.applies(call.function, expression, rows: input.rowCount)
    else { return nil }
    try Interrupt.check()
    let (table, mapping) = input.compact(expression.referencedColumns)
    let column = FusedAggregate.compute(
      call.function, expression.remapped(mapping), on: table, groups: groups, warnings: &warnings)
    if let overrun = warnings.overrun {
      warnings.overrun = nil
      throw .overBudget(overrun)
    }
    return column
  }
}
