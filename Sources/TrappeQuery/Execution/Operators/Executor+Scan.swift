import TrappeBase
import TrappeStorage

extension Executor {
  /// Reads a table, keeping the columns the plan uses.
  mutating func scan(_ table: Table, columns: [Int]) throws(ExecutionStop) -> Relation {
    if columns.count == table.columnCount && columns == Array(0..<table.columnCount) {
      return Relation(table: table, selection: nil)
    }
    return Relation(table: Table(columns.map { (table.schema.fields[$0].name, table.columns[$0]) }), selection: nil)
  }
}
