import TrappeStorage

/// The cells of a table hidden by small-cell suppression, and the placeholder shown instead.
///
/// A count cell with a value above 0 and below ``threshold`` is suppressed (0 stays
/// visible), and so is every cell of the same row computed from a suppressed count. A column
/// built on counts the table no longer holds cannot be checked and is hidden whole.
/// The table keeps its real values; only renderers and exporters show ``placeholder``.
package struct SuppressionMask: Sendable, Equatable {
  /// Counts below this are suppressed; 0 when nothing is.
  var threshold: Int
  /// The suppressed rows of each column, by column index.
  var cells: [Int: Set<Int>]
  /// Count columns every non-null cell of which is suppressed.
  var wholeColumns: [Int]
  /// Columns built on counts that are not in the table: they cannot be checked, so all their cells are hidden.
  var unchecked: [Int]
  /// Whether any column of the table is a count or built on one.
  var hasCounts: Bool
  /// The cells hidden only so that a total cannot reveal a small count (secondary suppression,
  /// SuppressionMask+Secondary.swift), and the cells derived only from them: shown as
  /// ``secondaryPlaceholder``. They are also in ``cells``.
  var secondary: [Int: Set<Int>] = [:]
  /// The rows of the table the mask was made for.
  var rowCount = 0

  /// A mask that hides nothing.
  package init() {
    threshold = 0
    cells = [:]
    wholeColumns = []
    unchecked = []
    hasCounts = false
  }

  /// The mask for `table` whose columns have `roles`, suppressing counts below `threshold`.
  package init(table: Table, roles: [CountRole], below threshold: Int) {
    self.init()
    self.threshold = threshold
    rowCount = table.rowCount
    guard threshold > 1 else {
      hasCounts = roles.contains(where: \.involvesCounts)
      return
    }
    for (index, role) in zip(table.columns.indices, roles) where role == .count {
      hasCounts = true
      let column = table.columns[index]
      var rows: Set<Int> = []
      var valid = 0
      for row in 0..<table.rowCount where column.isValid(row) {
        valid += 1
        if SuppressionMask.isSmall(column, row, below: threshold) { rows.insert(row) }
      }
      if !rows.isEmpty { cells[index] = rows }
      if valid > 0 && rows.count == valid { wholeColumns.append(index) }
    }
    // Secondary suppression: a total in the table must not give a hidden count back.
    var primary: Set<Cell> = []
    for (column, rows) in cells { for row in rows { primary.insert(Cell(column: column, row: row)) } }
    let primaryCells = cells
    if !primary.isEmpty {
      let lines = SuppressionMask.totalLines(table, roles: roles)
      for cell in SuppressionMask.complements(table, lines: lines, hidden: primary) {
        cells[cell.column, default: []].insert(cell.row)
        secondary[cell.column, default: []].insert(cell.row)
      }
    }
    for (index, role) in zip(table.columns.indices, roles) {
      guard case .derived(let inputs, let complete) = role else { continue }
      hasCounts = true
      var rows: Set<Int> = []
      if !complete {
        // Built on counts the table no longer holds: they cannot be checked, so nothing is shown.
        // NULLs too: a NULL among shown values could tell a hidden count (or its absence) apart.
        unchecked.append(index)
        rows.formUnion(0..<table.rowCount)
      }
      var fromPrimary = rows
      for input in inputs where input < table.columnCount {
        rows.formUnion(cells[input] ?? [])
        fromPrimary.formUnion(primaryCells[input] ?? [])
      }
      if !rows.isEmpty { cells[index] = rows }
      let onlySecondary = rows.subtracting(fromPrimary)
      if !onlySecondary.isEmpty { secondary[index] = onlySecondary }
    }
  }

  /// The text shown in a suppressed cell: `<5` for a threshold of 5.
  package var placeholder: String { "<\(threshold)" }

  /// The text shown in a cell hidden by secondary suppression (its value need not be small).
  package static let secondaryPlaceholder = "x"

  /// The text shown in the hidden cell at `row` of column `column`.
  package func placeholder(column: Int, row: Int) -> String {
    secondary[column]?.contains(row) == true ? SuppressionMask.secondaryPlaceholder : placeholder
  }

  /// The number of cells hidden by secondary suppression (counts and the values built on them).
  package var secondaryCount: Int { secondary.values.reduce(0) { $0 + $1.count } }

  /// Whether the cell at `row` of column `column` is hidden.
  func isSuppressed(column: Int, row: Int) -> Bool {
    cells[column]?.contains(row) ?? false
  }

  /// The number of hidden cells.
  package var cellCount: Int { cells.values.reduce(0) { $0 + $1.count } }

  /// Whether the mask hides nothing.
  package var isEmpty: Bool { cells.isEmpty }

  /// The footer lines that say what was suppressed; `names` are the table's column names.
  package func footer(names: [String]) -> [String] {
    guard threshold > 1 else { return [] }
    guard hasCounts else { return ["Suppression below \(threshold): no column here is known to be a count"] }
    let count = cellCount - secondaryCount
    var lines = [
      "Suppressed: counts below \(threshold) and the ratios built on them (\(count) \(count == 1 ? "cell" : "cells"))"
    ]
    let extra = secondaryCount
    if !cells.isEmpty, rowCount > SuppressionMask.totalRowSearchLimit {
      lines.append(
        "Secondary suppression: total rows were not searched in a table of more than \(SuppressionMask.totalRowSearchLimit) rows")
    }
    if extra > 0 {
      lines.append(
        "Also hidden as \(SuppressionMask.secondaryPlaceholder): \(extra) \(extra == 1 ? "cell" : "cells") so that a total in this table cannot give a hidden count back (secondary suppression)")
    }
    let whole = wholeColumns.filter { $0 < names.count }.map { names[$0] }
    if !whole.isEmpty {
      lines.append(
        "Every cell of \(whole.joined(separator: ", ")) is below \(threshold) and suppressed")
    }
    let open = unchecked.filter { $0 < names.count }.map { names[$0] }
    if !open.isEmpty {
      lines.append(
        "Hidden: \(open.joined(separator: ", ")) \(open.count == 1 ? "is" : "are") built on counts "
          + "not in the result; keep those counts to show \(open.count == 1 ? "it" : "them")")
    }
    return lines
  }

  /// Whether a count cell is above 0 and below the threshold.
  static func isSmall(_ column: Column, _ row: Int, below threshold: Int) -> Bool {
    switch column {
    case .int64(let c):
      let value = c.slot(row)
      return value > 0 && value < Int64(threshold)
    case .double(let c):
      let value = c.values[row]
      return value > 0 && value < Double(threshold)
    case .bool, .string, .period:
      return false
    }
  }
}
