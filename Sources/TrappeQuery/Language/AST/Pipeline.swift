import TrappeBase

/// A source table followed by stages: `T | where ... | summarize ...`.
package struct Pipeline: Sendable, Equatable {
  /// The source table's name (`from T` or a bare `T`; also `_` and `out3`). Empty when the
  /// statement starts with an analysis command, which then reads its default table.
  var source: String
  /// Where the source name was written.
  var sourceRange: SourceRange
  /// The stages in order.
  package var stages: [Stage]
  /// The whole pipeline's text.
  package var range: SourceRange

  init(source: String, sourceRange: SourceRange, stages: [Stage], range: SourceRange) {
    self.source = source
    self.sourceRange = sourceRange
    self.stages = stages
    self.range = range
  }
}

/// A statement of the query language.
package enum Statement: Sendable, Equatable {
  /// A pipeline whose result is shown and numbered.
  case pipeline(Pipeline)
  /// `let NAME = PIPELINE`: keeps the result as a table.
  case `let`(name: String, nameRange: SourceRange, pipeline: Pipeline)
  /// `explain PIPELINE`: prints the plan.
  case explain(Pipeline)
  /// `explain sql PIPELINE`: prints the pipeline as one SQL statement.
  case explainSQL(Pipeline)
  /// `measure NAME = NUMERATOR / DENOMINATOR [unit "TEXT"]`: defines a ratio measure.
  case measure(MeasureStatement)
  /// `label COLUMN = "TEXT"` or `format COLUMN N`: how a column is shown (display only).
  case display(DisplayStatement)
}
