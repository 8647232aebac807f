import TrappeBase
import TrappeStorage

/// Spreads the values of one column into columns of their own, aggregating per row key.
///
/// Output rows are the distinct combinations of the by-columns in order of
/// first appearance (one row when there are no by-columns and any rows); the
/// by-columns come first, then one column per distinct value of the pivot
/// column, ordered by value (numbers and periods ascending, NaN last, bools
/// false before true, strings by ``DanishCollation``), with a column named
/// `null` last when the pivot column has NULLs. Each cell holds the aggregate
/// of the input over the rows of that (row key, pivot value), or NULL when
/// there are no such rows (also for `count`).
enum PivotKernel {
  /// Pivots `table` on `pivotColumn` (same row count as the table), aggregating `input` with `function`.
  ///
  /// `valueType` is the aggregate's result type the binder expects; cells
  /// are NULL columns of that type should the kernel disagree. The number of
  /// output cells (row keys × pivot values) must stay below 2^31; beyond
  /// that only the by-columns are returned.
  static func pivot(
    table: Table, keyColumns: [Int], pivotColumn: Column, function: AggregateFunction,
    input: Column?, parameter: Double?, valueType: DataType
  ) -> Table {
    var warnings = EvaluationWarnings()
    return pivot(
      table: table, keyColumns: keyColumns, pivotColumn: pivotColumn, function: function, input: input,
      parameter: parameter, valueType: valueType, warnings: &warnings)
  }

  /// ``pivot(table:keyColumns:pivotColumn:function:input:parameter:valueType:)``, counting
  /// cells an int `sum` overflowed (NULL) into `warnings`.
  static func pivot(
    table: Table, keyColumns: [Int], pivotColumn: Column, function: AggregateFunction,
    input: Column?, parameter: Double?, valueType: DataType, warnings: inout EvaluationWarnings
  ) -> Table {
    let indexes = groupIndexes(table: table, keyColumns: keyColumns, pivotColumn: pivotColumn)
    return pivot(
      table: table, keyColumns: keyColumns, pivotColumn: pivotColumn, function: function, input: input,
      parameter: parameter, valueType: valueType, byIndex: indexes.by, pivotIndex: indexes.pivot,
      warnings: &warnings)
  }

  /// The output rows (groups of the by-columns) and the output value columns (groups of the
  /// pivot column): their product is the number of cells, known before any cell is allocated.
  static func groupIndexes(
    table: Table, keyColumns: [Int], pivotColumn: Column
  ) -> (by: GroupIndex, pivot: GroupIndex) {
    let rows = table.rowCount
    return (
      GroupIndex.build(keys: keyColumns.map { table.columns[$0] }, rowCount: rows),
      GroupIndex.build(keys: [pivotColumn], rowCount: rows)
    )
  }

  /// The pivot over group indexes from ``groupIndexes(table:keyColumns:pivotColumn:)``.
  static func pivot(
    table: Table, keyColumns: [Int], pivotColumn: Column, function: AggregateFunction,
    input: Column?, parameter: Double?, valueType: DataType, byIndex: GroupIndex, pivotIndex: GroupIndex,
    warnings: inout EvaluationWarnings
  ) -> Table {
    let rows = table.rowCount
    var named: [(String, Column)] = keyColumns.map {
      (table.schema.fields[$0].name, table.columns[$0].gather(byIndex.firstRow))
    }
    let byCount = byIndex.groupCount
    let valueCount = pivotIndex.groupCount
    guard valueCount > 0, byCount * valueCount <= Int(Int32.max) else { return Table(named) }

    let (order, names) = orderedValues(pivotColumn, pivotIndex, besides: named.map(\.0))
    var position = [Int32](repeating: 0, count: valueCount)
    for (index, group) in order.enumerated() { position[group] = Int32(index) }

    let cellCount = byCount * valueCount
    var cellOf = [Int32](repeating: 0, count: rows)
    var firstRow = [Int32](repeating: -1, count: cellCount)
    let width = Int32(valueCount)
    cellOf.withUnsafeMutableBufferPointer { cells in
      firstRow.withUnsafeMutableBufferPointer { first in
        byIndex.groupOf.withUnsafeBufferPointer { by in
          pivotIndex.groupOf.withUnsafeBufferPointer { pivot in
            position.withUnsafeBufferPointer { p in
              for row in 0..<rows {
                let cell = by[row] &* width &+ p[Int(pivot[row])]
                cells[row] = cell
                if first[Int(cell)] < 0 { first[Int(cell)] = Int32(truncatingIfNeeded: row) }
              }
            }
          }
        }
      }
    }
    let cells = GroupIndex(groupOf: cellOf, groupCount: cellCount, firstRow: firstRow)
    let aggregated = Aggregator.compute(
      function, input: input, parameter: parameter, groups: cells, warnings: &warnings)
    for (index, name) in names.enumerated() {
      guard aggregated.type == valueType else {
        named.append((name, Column.nulls(valueType, count: byCount)))
        continue
      }
      var indices = [Int32](repeating: -1, count: byCount)
      for by in 0..<byCount {
        let cell = by * valueCount + index
        if firstRow[cell] >= 0 { indices[by] = Int32(cell) }
      }
      named.append((name, aggregated.gather(indices)))
    }
    return Table(named)
  }

  /// The pivot groups in output order, and the column name of each in that order: the value as
  /// text (`null` for NULL), with `_2`, `_3`, ... added when that name is already taken by one of
  /// the `besides` columns (the `by` columns) or an earlier value (`"null"` and NULL), so every
  /// column of the result has its own name.
  static func orderedValues(_ column: Column, _ index: GroupIndex, besides: [String] = []) -> ([Int], [String]) {
    let groups = Array(0..<index.groupCount)
    let rows = index.firstRow.map { Int($0) }
    var order: [Int]
    switch column {
    case .int64(let c):
      order = groups.sorted { c.slot(rows[$0]) < c.slot(rows[$1]) }
    case .double(let c):
      order = groups.sorted {
        let a = c.values[rows[$0]]
        let b = c.values[rows[$1]]
        return a.isTotallyOrdered(belowOrEqualTo: b) && !b.isTotallyOrdered(belowOrEqualTo: a)
      }
    case .bool(let c):
      order = groups.sorted { !c.values[rows[$0]] && c.values[rows[$1]] }
    case .period(let c):
      order = groups.sorted { c.ordinals[rows[$0]] < c.ordinals[rows[$1]] }
    case .string(let c):
      let ranks = DanishCollation.rank(of: c.dictionary)
      order = groups.sorted { ranks[c.code(at: rows[$0])] < ranks[c.code(at: rows[$1])] }
    }
    // The NULL group (placeholder values sort anywhere) goes last.
    let validity = column.validity
    order = order.filter { validity.isValid(rows[$0]) } + order.filter { !validity.isValid(rows[$0]) }
    var taken = Set(besides)
    let names = order.map { group -> String in
      let value = column.value(at: rows[group])
      return taken.claimUniqueName(value.isNull ? "null" : value.description)
    }
    return (order, names)
  }
}
