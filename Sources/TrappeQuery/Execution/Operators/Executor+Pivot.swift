import TrappeBase
import TrappeStorage

extension Executor {
  /// One row per `by` combination and one column per distinct key value.
  ///
  /// The cells (rows × distinct keys) are counted before they are allocated and checked
  /// against the memory budget.
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
    try Interrupt.check()
    let indexes = PivotKernel.groupIndexes(table: table, keyColumns: by, pivotColumn: keyColumn)
    let rows = indexes.by.groupCount
    let keys = indexes.pivot.groupCount
    let cells = MemoryBudget.product(rows, keys)
    try MemoryBudget.require(
      MemoryBudget.product(cells, Executor.pivotBytesPerCell), for: Executor.pivotStage(child, by: by, key: key, value: value),
      detail: "\(MemoryBudget.describeRows(rows)) rows × \(MemoryBudget.describeRows(keys)) keys = "
        + "\(MemoryBudget.describeRows(cells)) cells")
    try Interrupt.check()
    let pivoted = PivotKernel.pivot(
      table: table, keyColumns: by, pivotColumn: keyColumn, function: value.function, input: valueColumn,
      parameter: value.parameter, valueType: value.type, byIndex: indexes.by, pivotIndex: indexes.pivot,
      warnings: &warnings)
    // The kernel's groupings stop early on Ctrl-C: never use what it returned then.
    try Interrupt.check()
    return Relation(table: pivoted, selection: nil)
  }

  /// Bytes a pivot holds per cell at its peak: the cell's first row (4), the aggregate's
  /// per-group state and result (about 24), and the gathered output cell (9).
  static let pivotBytesPerCell = 40

  /// The pivot in the words of the query: `pivot x values count() by g`.
  static func pivotStage(_ child: LogicalPlan, by: [Int], key: BoundExpression, value: AggregateCall) -> String {
    let names = child.columns
    let byText = by.isEmpty ? "" : " by " + by.map { names[$0].name }.joined(separator: ", ")
    return "pivot \(PlanPrinter.text(key, names)) values \(PlanPrinter.text(value, names))\(byText)"
  }
}
