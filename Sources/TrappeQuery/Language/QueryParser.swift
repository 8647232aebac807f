import TrappeBase

/// The entry point of the query-language parser.
package enum QueryParser {
  /// Parses one statement: `let NAME = PIPELINE`, `explain PIPELINE` or a pipeline.
  package static func parse(_ text: String) throws(LanguageError) -> Statement {
    var parser = try Parser(text)
    return try parser.parseStatement()
  }

  /// Parses the statement in `range` of `text`; ranges in the result and errors are offsets into `text`.
  static func parse(_ text: String, in range: SourceRange) throws(LanguageError) -> Statement {
    var parser = try Parser(text, in: range)
    return try parser.parseStatement()
  }

  /// Parses a lone expression, such as `a + b * c`.
  static func parseExpression(_ text: String) throws(LanguageError) -> Expression {
    var parser = try Parser(text)
    let expression = try parser.parseExpression()
    if !parser.current.isEnd {
      throw LanguageError("unexpected \(parser.describe(parser.current)) after the expression", at: parser.current.range)
    }
    return expression
  }
}
