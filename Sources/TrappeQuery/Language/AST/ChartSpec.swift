import TrappeBase

/// `chart KIND [NAME=VALUE ...]` as written: the last stage of a pipeline.
package struct ChartSpec: Sendable, Equatable {
  /// The kind as written (`bar`, `line`, ...), lower-cased; empty when omitted.
  package var kind: String
  package var kindRange: SourceRange
  /// The options in the order written.
  package var options: [ChartOptionSpec]
  package var range: SourceRange
  init(kind: String, kindRange: SourceRange, options: [ChartOptionSpec], range: SourceRange) {
    self.kind = kind
    self.kindRange = kindRange
    self.options = options
    self.range = range
  }
}

/// One `NAME=VALUE` of a chart stage.
package struct ChartOptionSpec: Sendable, Equatable {
  package var name: String
  package var nameRange: SourceRange
  package var value: Expression
  init(name: String, nameRange: SourceRange, value: Expression) {
    self.name = name
    self.nameRange = nameRange
    self.value = value
  }
}
