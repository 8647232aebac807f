import TrappeBase

extension Parser {
  /// Parses `over KEY` or `over (KEY, ...)`, then an optional `order by KEY [asc|desc]` or
  /// `order by (KEY [asc|desc], ...)`.
  ///
  /// Several keys need the parentheses: after a window a `,` ends the window (it starts
  /// the next `extend` item, or the next argument inside a call), so `over a, b` and
  /// `order by a, b` with anything but `NAME = ...` after the comma are errors that show
  /// the parenthesised fix.
  mutating func parseWindow() throws(LanguageError) -> WindowSpec {
    let start = current.range
    var partition: [Expression] = []
    if let over = acceptKeyword("over") {
      if let opener = accept(.leftParen) {
        if current.kind != .rightParen {
          repeat {
            partition.append(try parseExpression())
          } while accept(.comma) != nil
        }
        try expectClosing(opener)
      } else {
        let key = try parseUnary()
        partition.append(key)
        try rejectUnparenthesizedList(after: key.range, clause: source[over.range])
      }
    }
    var order: [SortKey] = []
    if current.isKeyword("order") {
      let orderToken = advance()
      let by = current
      guard acceptKeyword("by") != nil else {
        throw LanguageError("expected 'by' after 'order', found \(describe(current))", at: current.range)
      }
      try expectKeys(after: by)
      if current.kind == .leftParen, parenthesesHoldList() {
        let opener = advance()
        repeat {
          order.append(try parseSortKey(defaultDescending: false))
        } while accept(.comma) != nil
        try expectClosing(opener)
      } else {
        let keyStart = current.range
        order.append(try parseSortKey(defaultDescending: false))
        try rejectUnparenthesizedList(
          after: keyStart.union(SourceRange(lastEnd, lastEnd)),
          clause: source[orderToken.range.union(by.range)])
      }
    }
    return WindowSpec(partition: partition, order: order, range: start.union(SourceRange(lastEnd, lastEnd)))
  }

  /// One `EXPR [asc|desc]`.
  mutating func parseSortKey(defaultDescending: Bool) throws(LanguageError) -> SortKey {
    let expression = try parseExpression()
    var descending = defaultDescending
    if acceptKeyword("desc") != nil {
      descending = true
    } else if acceptKeyword("asc") != nil {
      descending = false
    }
    return SortKey(expression: expression, descending: descending)
  }

  /// Whether the `(` at the current token holds a top-level `,` before its `)`: `(a, b)` is a
  /// list of keys, `(a + b) * 2` one expression.
  func parenthesesHoldList() -> Bool {
    var depth = 0
    var offset = 0
    while true {
      let token = peek(offset)
      switch token.kind {
      case .leftParen: depth += 1
      case .rightParen:
        depth -= 1
        if depth == 0 { return false }
      case .comma where depth == 1: return true
      case .end: return false
      default: break
      }
      offset += 1
    }
  }

  /// Fails when a `,` follows a window's single key and does not start the next `NAME = ...`
  /// item or call argument: `over region, aar` would otherwise partition by `region` alone
  /// and make `aar` a column of its own.
  func rejectUnparenthesizedList(after key: SourceRange, clause: String) throws(LanguageError) {
    guard current.kind == .comma, argumentNesting == 0 else { return }
    if peek(1).name != nil, peek(2).kind == .assign { return }
    let next = peek(1)
    guard next.kind != .end, next.kind != .pipe else { return }
    let fix = "\(clause) (\(source[key]), \(source[next.range]))"
    throw LanguageError(
      "several keys after '\(clause)' need parentheses", at: current.range.union(next.range),
      hints: ["write \(fix)", "a comma after a window starts the next item: NAME = ..."])
  }

  /// Parses `KEY [asc|desc], ...` after `by` (of `sort` and `top`).
  mutating func parseSortKeys(after by: Token, defaultDescending: Bool) throws(LanguageError) -> [SortKey] {
    try expectKeys(after: by)
    var keys: [SortKey] = []
    repeat {
      keys.append(try parseSortKey(defaultDescending: defaultDescending))
    } while accept(.comma) != nil
    return keys
  }

  /// Fails with "'by' needs at least one key" when nothing follows `by`.
  func expectKeys(after by: Token) throws(LanguageError) {
    if Parser.endsList(current) || current.kind == .comma {
      throw LanguageError("'\(source[by.range])' needs at least one key", at: current.range)
    }
  }
}
