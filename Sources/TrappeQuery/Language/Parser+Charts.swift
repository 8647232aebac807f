import TrappeBase

extension Parser {
  /// Parses `chart [KIND] [NAME=VALUE ...]` after the word `chart`.
  mutating func parseChart(_ keywordToken: Token) throws(LanguageError) -> ChartSpec {
    var kind = ""
    var kindRange = SourceRange(keywordToken.range.upper, keywordToken.range.upper)
    if let word = current.name, peek(1).kind != .assign {
      kind = word.lowercased()
      kindRange = advance().range
    }
    var options: [ChartOptionSpec] = []
    while !Parser.endsList(current) {
      guard let name = current.name, peek(1).kind == .assign else {
        throw LanguageError(
          "expected an option NAME=VALUE in chart, found \(describe(current))", at: current.range,
          hints: ["e.g. chart bar x=kommune y=andel target=25 highlight=Slagelse"])
      }
      let nameToken = advance()
      advance()  // '='
      if Parser.endsList(current) {
        throw LanguageError("'\(name)=' needs a value", at: current.range)
      }
      options.append(ChartOptionSpec(name: name.lowercased(), nameRange: nameToken.range, value: try parseUnary()))
      // `y=value,peer_value,national_value`: more values of the same option until the next NAME=.
      while current.kind == .comma, peek(1).name != nil, peek(2).kind != .assign {
        advance()  // ','
        options.append(ChartOptionSpec(name: name.lowercased(), nameRange: nameToken.range, value: try parseUnary()))
      }
      _ = accept(.comma)
    }
    return ChartSpec(
      kind: kind, kindRange: kindRange, options: options,
      range: keywordToken.range.union(SourceRange(lastEnd, lastEnd)))
  }
}
