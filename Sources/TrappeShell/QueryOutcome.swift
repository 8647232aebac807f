import TrappeStorage
import TrappeIO
import TrappeQuery

/// Everything one query produced: the table and what its footer, record, export and chart say
/// about it. One value, so the lines under a table always describe that table.
struct QueryOutcome {
  /// The result.
  var table: Table
  /// The catalog entries of the tables the query read, each once, in the order it read them.
  var inputs: [CatalogEntry]
  /// Lines from its analyses: method, N, caveats.
  var notes: [String]
  /// The rows its summarize (or pivot, count, analysis) read after its filters; nil when it did not summarize.
  var summarizedRows: Int?
  /// Which result columns are counts of persons or built on them.
  var roles: [CountRole]
  /// Evaluation warnings (division by zero, overflow), already worded.
  var warnings: [String]
  /// When the result is an earlier table's rows unchanged (`out8`, `_ | select a, b`): the cells
  /// that table showed hidden, in the result's columns.
  var unchangedHidden: SuppressionMask? = nil
  /// The optimised plan that computed the table (kept so `explain sql` can inline it later).
  var plan: LogicalPlan

  /// Whether any input is generated data, so the result must carry the illustrative label.
  var illustrative: Bool { inputs.contains { $0.provenance.illustrative } }

  /// The footer line with N and the filters: `N = 4410 rows summarized · filters: runde == 5`.
  func scopeLine(filters: [String]) -> String {
    let n =
      summarizedRows.map { "N = \($0) \($0 == 1 ? "row" : "rows") summarized" }
      ?? "N = \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows")"
    return n + " · filters: " + (filters.isEmpty ? "none" : filters.joined(separator: "; "))
  }
}
