/// `chart KIND [NAME=VALUE ...]` as written: the last stage of a pipeline.
public struct ChartSpec: Sendable, Equatable {
  /// The kind as written (`bar`, `line`, ...), lower-cased; empty when omitted.
  public var kind: String
  public var kindRange: SourceRange
  /// The options in the order written.
  public var options: [ChartOptionSpec]
  public var range: SourceRange
  public init(kind: String, kindRange: SourceRange, options: [ChartOptionSpec], range: SourceRange) {
    self.kind = kind
    self.kindRange = kindRange
    self.options = options
    self.range = range
  }
}

/// One `NAME=VALUE` of a chart stage.
public struct ChartOptionSpec: Sendable, Equatable {
  public var name: String
  public var nameRange: SourceRange
  public var value: Expression
  public init(name: String, nameRange: SourceRange, value: Expression) {
    self.name = name
    self.nameRange = nameRange
    self.value = value
  }
}
