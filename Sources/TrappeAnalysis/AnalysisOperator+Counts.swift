import TrappeQuery

extension AnalysisOperator {
  /// The output columns that are counts of persons, for small-cell suppression.
  ///
  /// By default the columns named `persons`, `n`, `events` or `at_risk`.
  var countColumns: [String] {
    columns.map(\.name).filter { ["persons", "n", "events", "at_risk"].contains($0) }
  }

  /// Output columns computed from counts of the same row, each with the count columns it reads.
  ///
  /// None by default; an analysis that reports shares or rates lists them here.
  var derivedColumns: [String: [String]] { [:] }
}
