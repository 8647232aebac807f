import TrappeStorage

/// Secondary (complementary) suppression: hiding more count cells so that a total shown in the
/// same table cannot give a hidden count back.
///
/// The totals Trappe recognises in one table (each relation makes "lines": a total cell and
/// the cells that add up to it):
/// - **Row totals**: a count column T is the total of two or more other count columns S when
///   T = ΣS on every row (e.g. personer = startet + ikke_startet). Each row is a line.
/// - **Column totals**: within a group of rows that agree on every key column but one (key
///   columns: text, period, whole-number and true/false columns that are not counts), a row
///   whose every count equals the sum of the group's other rows (at least two) is a total row
///   (e.g. a row "i alt" added with `union`); with no key column, the whole table is the group.
///   Each count column of each such group is a line.
/// The rule, repeated until nothing changes: a line with exactly one hidden cell gets a second
/// one hidden — its smallest other cell above 0 (a member before the total on ties; a 0 only
/// when nothing else is left). Then no line has a single hidden cell, so no total minus the
/// shown cells of its line gives one hidden cell exactly.
///
/// Not protected: totals in another table or an earlier result (`summarize` without the group
/// column), sums of rows that are not a group as defined above, and the bounds a line still
/// gives (two hidden cells of a line still add up to the total minus the shown cells, and
/// neither can be negative).
extension SuppressionMask {
  /// The most rows a table may have for its total rows to be searched.
  static let totalRowSearchLimit = 100_000

  /// One cell: column and row.
  struct Cell: Hashable, Comparable {
    var column: Int
    var row: Int
    static func < (a: Cell, b: Cell) -> Bool { (a.column, a.row) < (b.column, b.row) }
  }

  /// Cells tied by a total: `total` = Σ `members`.
  struct TotalLine: Equatable {
    var total: Cell
    var members: [Cell]
    var cells: [Cell] { [total] + members }
  }

  /// The value of a count cell, nil when NULL or not numeric.
  static func countValue(_ table: Table, _ cell: Cell) -> Double? {
    let column = table.columns[cell.column]
    guard column.isValid(cell.row) else { return nil }
    switch column {
    case .int64(let c): return Double(c.slot(cell.row))
    case .double(let c): return c.values[cell.row]
    case .bool, .string, .period: return nil
    }
  }

  /// The total lines of `table` (see the type's documentation).
  static func totalLines(_ table: Table, roles: [CountRole]) -> [TotalLine] {
    let counts = zip(table.columns.indices, roles).filter { $0.1 == .count }.map(\.0)
    guard !counts.isEmpty, table.rowCount > 0 else { return [] }
    var lines: [TotalLine] = []
    // Row totals: T = ΣS on every row, |S| ≥ 2, for up to 12 other count columns.
    for total in counts {
      let others = counts.filter { $0 != total }
      guard others.count >= 2, others.count <= 12 else { continue }
      for mask in 1..<(1 << others.count) where mask.nonzeroBitCount >= 2 {
        let subset = others.indices.filter { mask & (1 << $0) != 0 }.map { others[$0] }
        var holds = true
        for row in 0..<table.rowCount {
          guard let t = countValue(table, Cell(column: total, row: row)) else { holds = false; break }
          var sum = 0.0
          for c in subset {
            guard let v = countValue(table, Cell(column: c, row: row)) else { holds = false; break }
            sum += v
          }
          if !holds || sum != t { holds = false; break }
        }
        guard holds else { continue }
        for row in 0..<table.rowCount {
          lines.append(TotalLine(total: Cell(column: total, row: row), members: subset.map { Cell(column: $0, row: row) }))
        }
      }
    }
    // Column totals: a row equal to the sum of the other rows of its group, in every count column.
    let keys = zip(table.columns.indices, roles).filter { index, role in
      guard role == .plain else { return false }
      switch table.columns[index] {
      case .string, .period, .int64, .bool: return true
      case .double: return false
      }
    }.map(\.0)
    // Tables beyond this many rows are not searched for total rows (the footer says so): a
    // table for release is far smaller, and the search builds a key per row and key column.
    guard table.rowCount <= SuppressionMask.totalRowSearchLimit else { return lines }
    let varying: [Int?] = keys.isEmpty ? [nil] : keys.map { Optional($0) }
    for k in varying {
      var groups: [[String]: [Int]] = [:]
      for row in 0..<table.rowCount {
        let key = keys.filter { $0 != k }.map { table.columns[$0].value(at: row).description + "\u{1}" }
        groups[key, default: []].append(row)
      }
      for rows in groups.values.sorted(by: { $0[0] < $1[0] }) where rows.count >= 3 {
        // The group's sum per count column (nil when a cell is NULL): a row is the total of the
        // others when twice its value is the sum, in every count column.
        var sums: [Double] = []
        for c in counts {
          var sum = 0.0
          for row in rows {
            guard let v = countValue(table, Cell(column: c, row: row)) else { sum = .nan; break }
            sum += v
          }
          sums.append(sum)
        }
        guard sums.allSatisfy({ !$0.isNaN }) else { continue }
        for t in rows {
          let isTotal = counts.indices.allSatisfy { i in
            (countValue(table, Cell(column: counts[i], row: t)) ?? .nan) * 2 == sums[i]
          }
          guard isTotal else { continue }
          let members = rows.filter { $0 != t }
          for c in counts {
            lines.append(TotalLine(total: Cell(column: c, row: t), members: members.map { Cell(column: c, row: $0) }))
          }
        }
      }
    }
    return lines
  }

  /// The cells to hide besides `hidden` so that no line has exactly one hidden cell.
  static func complements(_ table: Table, lines: [TotalLine], hidden primary: Set<Cell>) -> Set<Cell> {
    var hidden = primary
    var added: Set<Cell> = []
    var changed = true
    while changed {
      changed = false
      for line in lines {
        let cells = line.cells
        guard cells.filter({ hidden.contains($0) }).count == 1 else { continue }
        let open = cells.filter { !hidden.contains($0) }
        let positive = open.filter { (countValue(table, $0) ?? 0) > 0 }
        let pool = positive.isEmpty ? open : positive
        let choice = pool.min { a, b in
          let va = countValue(table, a) ?? 0
          let vb = countValue(table, b) ?? 0
          if va != vb { return va < vb }
          let ta = a == line.total
          let tb = b == line.total
          if ta != tb { return !ta }
          return a < b
        }
        guard let choice else { continue }
        hidden.insert(choice)
        added.insert(choice)
        changed = true
      }
    }
    return added
  }
}
