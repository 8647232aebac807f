import TrappeBase
import TrappeStorage

extension Executor {
  /// One row per input row and unpivoted column; the output's size is checked against the
  /// memory budget first.
  mutating func unpivot(
    _ child: LogicalPlan, columns: [Int], nameColumn: String, valueColumn: String
  ) throws(ExecutionStop) -> Relation {
    let table = try execute(child).materialized()
    let rows = MemoryBudget.product(table.rowCount, columns.count)
    let kept = table.columns.indices.filter { !columns.contains($0) }.reduce(0) { $0 + table.columns[$1].bitsPerRow }
    let value = columns.map { table.columns[$0].bitsPerRow }.max() ?? 0
    // Per output row: the repeated row number (32 bits), the kept columns, the name code (33)
    // and the value column.
    try MemoryBudget.require(
      OutputEstimate.bytes(rows: rows, bits: 32 + kept + 33 + value),
      for: "unpivot " + columns.map { table.schema.fields[$0].name }.joined(separator: ", "),
      detail: "\(MemoryBudget.describeRows(rows)) rows")
    let result =
      UnpivotKernel.unpivot(table: table, columns: columns, nameColumn: nameColumn, valueColumn: valueColumn)
      ?? table
    return Relation(table: result, selection: nil)
  }
}
