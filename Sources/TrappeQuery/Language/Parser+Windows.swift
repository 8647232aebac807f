import TrappeBase

extension Parser {
  /// Parses `over KEY` or `over (KEY, ...)`, then an optional `order by KEY [asc|desc], ...`.
  mutating func parseWindow() throws(LanguageError) -> WindowSpec {
    let start = current.range
    var partition: [Expression] = []
    if acceptKeyword("over") != nil {
      if let opener = accept(.leftParen) {
        if current.kind != .rightParen {
          repeat {
            partition.append(try parseExpression())
          } while accept(.comma) != nil
        }
        try expectClosing(opener)
      } else {
        partition.append(try parseUnary())
      }
    }
    var order: [SortKey] = []
    if current.isKeyword("order") {
      advance()
      let by = current
      guard acceptKeyword("by") != nil else {
        throw LanguageError("expected 'by' after 'order', found \(describe(current))", at: current.range)
      }
      order = try parseSortKeys(after: by, defaultDescending: false, stopBeforeNamedItem: true)
    }
    return WindowSpec(partition: partition, order: order, range: start.union(SourceRange(lastEnd, lastEnd)))
  }

  /// Parses `KEY [asc|desc], ...` after `by`.
  ///
  /// With `stopBeforeNamedItem`, a `,` followed by `NAME =` ends the list: it starts the next
  /// item of an `extend` (`extend a = rank() over k order by r, b = x`). Inside a call's
  /// arguments any `,` ends it; sort by several keys there with a separate extend.
  mutating func parseSortKeys(after by: Token, defaultDescending: Bool, stopBeforeNamedItem: Bool)
    throws(LanguageError) -> [SortKey]
  {
    try expectKeys(after: by)
    var keys: [SortKey] = []
    while true {
      let expression = try parseExpression()
      var descending = defaultDescending
      if acceptKeyword("desc") != nil {
        descending = true
      } else if acceptKeyword("asc") != nil {
        descending = false
      }
      keys.append(SortKey(expression: expression, descending: descending))
      guard current.kind == .comma else { return keys }
      if stopBeforeNamedItem, argumentNesting > 0 { return keys }
      if stopBeforeNamedItem, peek(1).name != nil, peek(2).kind == .assign { return keys }
      advance()
    }
  }

  /// Fails with "'by' needs at least one key" when nothing follows `by`.
  func expectKeys(after by: Token) throws(LanguageError) {
    if Parser.endsList(current) || current.kind == .comma {
      throw LanguageError("'\(source[by.range])' needs at least one key", at: current.range)
    }
  }
}
