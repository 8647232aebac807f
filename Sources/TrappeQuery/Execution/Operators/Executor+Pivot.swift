import TrappeBase
import TrappeStorage

extension Executor {
  /// One row per `by` combination and one column per distinct key value.
  mutating func pivot(
    _ child: LogicalPlan, by: [Int], key: BoundExpression, value: AggregateCall
  ) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    noteSummarized(input.rowCount)
    let table = input.materialized()
    let base = Relation(table: table, selection: nil)
    let keyColumn = try evaluate(key, on: base)
    var valueColumn: Column?
    if let expression = value.input { valueColumn = try evaluate(expression, on: base) }
    let pivoted = PivotKernel.pivot(
      table: table, keyColumns: by, pivotColumn: keyColumn, function: value.function, input: valueColumn,
      parameter: value.parameter, valueType: value.type, warnings: &warnings)
    // The kernel's groupings stop early on Ctrl-C: never use what it returned then.
    try Interrupt.check()
    return Relation(table: pivoted, selection: nil)
  }
}
