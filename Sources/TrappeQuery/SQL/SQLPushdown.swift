import TrappeBase
import TrappeStorage

/// An analysis run in two parts when its input lives in an engine (DuckDB, Spark): ``sql``
/// reduces the input there to a small table (totals per municipality, counts per duration, ...),
/// and ``finish`` computes the analysis's output and footer notes from that table locally.
///
/// Only the reduced table crosses from the engine to Trappe, so an analysis over 100M spells
/// moves thousands of rows, and the local part (Kaplan–Meier, log-rank, peer selection, ...) is
/// the same code that runs on local tables.
package struct SQLPushdown: Sendable {
  /// One query in the engine's dialect over the analysis input (``SQLAnalysisInput/name``),
  /// giving ``columns``; no `__ord` column is needed.
  package var sql: String
  /// The reduced table's columns (periods in the dialect's representation, as in compiled SQL).
  package var columns: [PlanColumn]
  /// What runs locally on the reduced table, for `explain` ("Kaplan–Meier and Greenwood on the counts").
  package var localPart: String
  /// The analysis output (``AnalysisOperator/columns``) from the reduced table; `notes` receives
  /// the footer lines ``AnalysisOperator/run(_:notes:)`` would have written.
  package var finish: @Sendable (_ reduced: Table, _ notes: inout [String]) throws(Diagnostic) -> Table

  package init(
    sql: String, columns: [PlanColumn], localPart: String,
    finish: @escaping @Sendable (_ reduced: Table, _ notes: inout [String]) throws(Diagnostic) -> Table
  ) {
    self.sql = sql
    self.columns = columns
    self.localPart = localPart
    self.finish = finish
  }
}
