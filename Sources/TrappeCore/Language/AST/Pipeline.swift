/// A source table followed by stages: `T | where ... | summarize ...`.
public struct Pipeline: Sendable, Equatable {
  /// The source table's name (`from T` or a bare `T`; also `_` and `out3`). Empty when the
  /// statement starts with an analysis command, which then reads its default table.
  public var source: String
  /// Where the source name was written.
  public var sourceRange: SourceRange
  /// The stages in order.
  public var stages: [Stage]
  /// The whole pipeline's text.
  public var range: SourceRange

  public init(source: String, sourceRange: SourceRange, stages: [Stage], range: SourceRange) {
    self.source = source
    self.sourceRange = sourceRange
    self.stages = stages
    self.range = range
  }
}

/// A statement of the query language.
public enum Statement: Sendable, Equatable {
  /// A pipeline whose result is shown and numbered.
  case pipeline(Pipeline)
  /// `let NAME = PIPELINE`: keeps the result as a table.
  case `let`(name: String, nameRange: SourceRange, pipeline: Pipeline)
  /// `explain PIPELINE`: prints the plan.
  case explain(Pipeline)
  /// `measure NAME = NUMERATOR / DENOMINATOR [unit "TEXT"]`: defines a ratio measure.
  case measure(MeasureStatement)
}
