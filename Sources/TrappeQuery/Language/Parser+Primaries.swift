import TrappeBase

extension Parser {
  /// Parses a literal, a column, a call, a parenthesised expression or a `case` expression.
  mutating func parsePrimary() throws(LanguageError) -> Expression {
    let token = current
    switch token.kind {
    case .integer(let value):
      advance()
      return Expression(.integer(value), token.range)
    case .double(let value):
      advance()
      return Expression(.double(value), token.range)
    case .string(let value):
      advance()
      return Expression(.string(value), token.range)
    case .period(let value):
      advance()
      return Expression(.period(value), token.range)
    case .quotedIdentifier(let name):
      advance()
      return Expression(.column(name: name, qualifier: nil), token.range)
    case .leftParen:
      advance()
      let inner = try parseExpression()
      let closer = try expectClosing(token)
      return Expression(inner.kind, token.range.union(closer.range))
    case .identifier(let name):
      return try parseIdentifierPrimary(name, token)
    default:
      throw expectedExpression()
    }
  }

  /// The error for a missing expression at the current token.
  func expectedExpression() -> LanguageError {
    let token = current
    if let keyword = token.keyword, Parser.reservedWords.contains(keyword) {
      return LanguageError(
        "expected an expression after \(afterPrevious), found the keyword \(describe(token))",
        at: token.range, hints: ["to use '\(source[token.range])' as a column name, write it in backquotes"])
    }
    if token.kind == .star {
      return LanguageError(
        "expected an expression after \(afterPrevious)", at: token.range,
        hints: ["'*' alone is only allowed as count(*)"])
    }
    return LanguageError("expected an expression after \(afterPrevious)", at: token.range)
  }

  /// Parses what starts with a bare identifier: a literal keyword, `case`, a column or a call.
  mutating func parseIdentifierPrimary(_ name: String, _ token: Token) throws(LanguageError) -> Expression {
    switch token.keyword {
    case "true":
      advance()
      return Expression(.bool(true), token.range)
    case "false":
      advance()
      return Expression(.bool(false), token.range)
    case "null":
      advance()
      return Expression(.null, token.range)
    case "case":
      return try parseCase()
    case let keyword? where Parser.reservedWords.contains(keyword):
      throw expectedExpression()
    default:
      break
    }
    advance()
    if current.kind == .dot {
      return try parseQualifiedColumn(name, token)
    }
    if let opener = accept(.leftParen) {
      return try parseCall(name, token, opener)
    }
    return Expression(.column(name: name, qualifier: nil), token.range)
  }

  /// Parses `left.x` or `right.x` after the qualifier `token`; the current token is the `.`.
  mutating func parseQualifiedColumn(_ qualifier: String, _ token: Token) throws(LanguageError) -> Expression {
    let lowered = qualifier.lowercased()
    guard lowered == "left" || lowered == "right" else {
      throw LanguageError(
        "only 'left.' and 'right.' can qualify a column name", at: token.range,
        hints: ["write a column name with a '.' in backquotes: `\(qualifier).\(source[peek(1).range])`"])
    }
    advance()
    let (name, range) = try expectName("expected a column name after '\(lowered).'")
    return Expression(.column(name: name, qualifier: lowered), token.range.union(range))
  }

  /// Parses the arguments of a call after its `(` and an optional window.
  mutating func parseCall(_ name: String, _ token: Token, _ opener: Token) throws(LanguageError) -> Expression {
    var arguments: [Expression] = []
    if current.kind == .star && peek(1).kind == .rightParen {
      arguments.append(Expression(.star, advance().range))
    } else if current.kind != .rightParen {
      argumentNesting += 1
      defer { argumentNesting -= 1 }
      repeat {
        arguments.append(try parseExpression())
      } while accept(.comma) != nil
    }
    let closer = try expectClosing(opener)
    var range = token.range.union(closer.range)
    var window: WindowSpec?
    let startsWindow = current.isKeyword("over") || (current.isKeyword("order") && peek(1).isKeyword("by"))
    if startsWindow {
      guard allowsWindow else {
        throw LanguageError(
          "a window ('\(source[current.range]) ...') is only allowed in extend", at: current.range,
          hints: ["compute it first: | extend w = \(source[range]) over ..."])
      }
      let spec = try parseWindow()
      range = range.union(spec.range)
      window = spec
    }
    return Expression(.call(name: name, nameRange: token.range, arguments: arguments, window: window), range)
  }

  /// Parses `case when C then V ... [else E] end`.
  mutating func parseCase() throws(LanguageError) -> Expression {
    let start = advance()
    var branches: [CaseBranch] = []
    while let when = acceptKeyword("when") {
      let condition = try parseExpression()
      guard acceptKeyword("then") != nil else {
        throw LanguageError(
          "expected 'then' after the condition of the 'when' at \(position(of: when.range, from: current.range)), found \(describe(current))",
          at: current.range)
      }
      branches.append(CaseBranch(condition: condition, value: try parseExpression()))
    }
    guard !branches.isEmpty else {
      throw LanguageError(
        "expected 'when' after 'case', found \(describe(current))", at: current.range,
        hints: ["write case when CONDITION then VALUE ... else VALUE end"])
    }
    var otherwise: Expression?
    if acceptKeyword("else") != nil {
      otherwise = try parseExpression()
    }
    guard let end = acceptKeyword("end") else {
      throw LanguageError(
        "expected 'end' to close the 'case' at \(position(of: start.range, from: current.range)), found \(describe(current))",
        at: current.range)
    }
    return Expression(.caseWhen(branches, otherwise: otherwise), start.range.union(end.range))
  }
}
