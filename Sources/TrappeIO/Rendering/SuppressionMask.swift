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
      for input in inputs where input < table.columnCount {
        rows.formUnion(cells[input] ?? [])
      }
      if !rows.isEmpty { cells[index] = rows }
    }
  }

  /// The text shown in a suppressed cell: `<5` for a threshold of 5.
  package var placeholder: String { "<\(threshold)" }

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
    let count = cellCount
    var lines = [
      "Suppressed: counts below \(threshold) and the ratios built on them (\(count) \(count == 1 ? "cell" : "cells"))"
    ]
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
      let value = c.values[row]
      return value > 0 && value < Int64(threshold)
    case .double(let c):
      let value = c.values[row]
      return value > 0 && value < Double(threshold)
    case .bool, .string, .period:
      return false
    }
  }
}
