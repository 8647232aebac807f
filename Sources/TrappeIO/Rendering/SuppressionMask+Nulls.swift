import TrappeStorage

extension SuppressionMask {
  /// `table` with every hidden cell NULL (and its number zeroed): what later queries read from a
  /// result that was shown suppressed, so a filter, an aggregate or arithmetic over it cannot
  /// bring back a hidden value.
  package func nulling(_ table: Table) -> Table {
    guard !cells.isEmpty else { return table }
    var columns = table.columns
    for (index, rows) in cells where index < columns.count {
      columns[index] = SuppressionMask.nulling(columns[index], rows: rows)
    }
    return Table(schema: table.schema, columns: columns)
  }

  /// `column` with `rows` NULL; numbers under them are overwritten with 0.
  static func nulling(_ column: Column, rows: Set<Int>) -> Column {
    func hide(_ validity: inout ValidityMask) {
      for row in rows { validity.set(row, valid: false) }
    }
    switch column {
    case .int64(var c):
      hide(&c.validity)
      c.zeroSlots(rows)
      return .int64(c)
    case .double(var c):
      hide(&c.validity)
      for row in rows { c.values[row] = 0 }
      return .double(c)
    case .bool(var c):
      hide(&c.validity)
      return .bool(c)
    case .string(var c):
      hide(&c.validity)
      return .string(c)
    case .period(var c):
      hide(&c.validity)
      return .period(c)
    }
  }
}

extension SuppressionMask {
  /// The cells either mask hides, for a table that is `earlier`'s table row for row: a result
  /// shown suppressed keeps showing `<N` where its cells were hidden, even after `.suppress off`.
  package func merging(_ earlier: SuppressionMask) -> SuppressionMask {
    guard !earlier.isEmpty else { return self }
    guard threshold > 1 else { return earlier }
    var merged = self
    for (column, rows) in earlier.cells { merged.cells[column, default: []].formUnion(rows) }
    // A cell the earlier mask hid as secondary stays `x`, unless this mask finds it small.
    for (column, rows) in earlier.secondary {
      let primaryHere = (cells[column] ?? []).subtracting(secondary[column] ?? [])
      let kept = rows.subtracting(primaryHere)
      if !kept.isEmpty { merged.secondary[column, default: []].formUnion(kept) }
    }
    merged.hasCounts = hasCounts || earlier.hasCounts
    merged.unchecked = Array(Set(unchecked).union(earlier.unchecked)).sorted()
    merged.wholeColumns = Array(Set(wholeColumns).union(earlier.wholeColumns)).sorted()
    return merged
  }
}

extension SuppressionMask {
  /// The mask of a table whose column `k` is this mask's table's column `columns[k]`, same rows.
  package func selecting(columns: [Int]) -> SuppressionMask {
    guard !isEmpty else { return self }
    var selected = self
    selected.cells = [:]
    selected.secondary = [:]
    for (output, input) in columns.enumerated() {
      if let rows = cells[input] { selected.cells[output] = rows }
      if let rows = secondary[input] { selected.secondary[output] = rows }
    }
    selected.wholeColumns = columns.indices.filter { wholeColumns.contains(columns[$0]) }
    selected.unchecked = columns.indices.filter { unchecked.contains(columns[$0]) }
    return selected
  }
}
