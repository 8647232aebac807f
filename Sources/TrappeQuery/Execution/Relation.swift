import TrappeStorage

/// An operator's output during execution: a table plus an optional selection vector.
///
/// Filters, sorts and `take` only refine the selection; columns are gathered
/// when an operator needs their values, and then only the columns it reads.
struct Relation {
  /// The underlying columns (all rows).
  var table: Table
  /// The rows that belong to the relation, in order; nil means all rows in table order.
  var selection: [Int32]?

  /// The number of rows.
  var rowCount: Int { selection?.count ?? table.rowCount }

  /// Column `index` with the selection applied.
  func column(_ index: Int) -> Column {
    guard let selection else { return table.columns[index] }
    return table.columns[index].gather(selection)
  }

  /// A table of just the columns `indices` (selection applied), and the index mapping for expressions.
  func compact(_ indices: Set<Int>) -> (Table, [Int: Int]) {
    let ordered = indices.sorted()
    var mapping: [Int: Int] = [:]
    var named: [(String, Column)] = []
    for (position, index) in ordered.enumerated() {
      mapping[index] = position
      named.append((table.schema.fields[index].name, column(index)))
    }
    if named.isEmpty {
      // An expression that reads no column still needs the row count.
      named.append(("\u{1}rows", .bool(PrimitiveColumn([Bool](repeating: false, count: rowCount)))))
    }
    return (Table(named), mapping)
  }

  /// Every column with the selection applied.
  func materialized() -> Table {
    guard let selection else { return table }
    return table.gather(selection)
  }

  /// The rows `order` of the relation (indices into the relation's own rows).
  func reordered(_ order: [Int32]) -> Relation {
    guard let selection else { return Relation(table: table, selection: order) }
    return Relation(table: table, selection: order.map { selection[Int($0)] })
  }
}
