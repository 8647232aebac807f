import TrappeStorage

/// The result of a subplan the binder already ran, with what running it reported.
///
/// A pivot's value columns are named by the data, so a stage after a pivot can only be
/// bound once the pivot has run: the binder runs it and continues from this result
/// (``LogicalPlan/materialized(_:result:)``).
package struct MaterializedResult: Sendable, Equatable {
  /// The subplan's output.
  package var table: Table
  /// The rows that went into its summarize or pivot (the footer's N), when it had one.
  package var summarizedRows: Int?
  /// Its evaluation warnings and notes, reported with the query's own.
  package var warnings: EvaluationWarnings
  package var notes: [String]

  init(table: Table, summarizedRows: Int?, warnings: EvaluationWarnings, notes: [String]) {
    self.table = table
    self.summarizedRows = summarizedRows
    self.warnings = warnings
    self.notes = notes
  }
}
