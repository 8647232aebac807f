import TrappeBase

extension Parser {
  /// Parses a whole expression (lowest precedence: `??`).
  mutating func parseExpression() throws(LanguageError) -> Expression {
    try parseBinary(minimumPrecedence: 1)
  }

  /// Precedence climbing: operands joined by operators binding at least `minimumPrecedence`.
  ///
  /// `is [not] null`, `[not] in (...)` and `[not] between A and B` bind like comparisons.
  mutating func parseBinary(minimumPrecedence: Int) throws(LanguageError) -> Expression {
    var left = try parseUnary()
    // Each operator in a row deepens the tree like a parenthesis would.
    let outerDepth = depth
    defer { depth = outerDepth }
    while true {
      let token = current
      if token.kind == .assign {
        throw LanguageError(
          "use '==' to compare; '=' names a column", at: token.range,
          hints: ["to name a column, write NAME = EXPRESSION at the start of an item"])
      }
      if minimumPrecedence <= 4, let postfix = try parseComparisonPostfix(left) {
        left = postfix
        continue
      }
      let op: BinaryOperator?
      switch token.keyword {
      case "and": op = .and
      case "or": op = .or
      default: op = token.kind.binaryOperator
      }
      guard let op, op.precedence >= minimumPrecedence else { return left }
      try enterNesting()
      advance()
      let right = try parseBinary(minimumPrecedence: op.precedence + 1)
      left = Expression(.binary(op, left, right), left.range.union(right.range))
    }
  }

  /// Parses `is [not] null`, `[not] in (...)` or `[not] between A and B` after `left`, or returns nil.
  mutating func parseComparisonPostfix(_ left: Expression) throws(LanguageError) -> Expression? {
    guard let word = current.keyword, ["is", "not", "in", "between"].contains(word) else { return nil }
    // Like an operator, each postfix deepens the tree; ``parseBinary`` restores the depth.
    try enterNesting()
    var negated = false
    if current.isKeyword("is") {
      advance()
      negated = acceptKeyword("not") != nil
      guard let null = acceptKeyword("null") else {
        throw LanguageError(
          "expected 'null' after \(afterPrevious), found \(describe(current))", at: current.range)
      }
      return Expression(.isNull(left, negated: negated), left.range.union(null.range))
    }
    if current.isKeyword("not") {
      guard peek(1).isKeyword("in") || peek(1).isKeyword("between") else {
        throw LanguageError(
          "expected 'in' or 'between' after 'not', found \(describe(peek(1)))", at: peek(1).range,
          hints: ["'not' before a condition negates it: not (a == b)"])
      }
      advance()
      negated = true
    }
    if current.isKeyword("in") {
      advance()
      guard let opener = accept(.leftParen) else {
        throw LanguageError(
          "expected '(' after \(afterPrevious), found \(describe(current))", at: current.range,
          hints: ["write x in (1, 2, 3)"])
      }
      var items: [Expression] = []
      repeat {
        items.append(try parseExpression())
      } while accept(.comma) != nil
      let closer = try expectClosing(opener)
      return Expression(.inList(left, items, negated: negated), left.range.union(closer.range))
    }
    if current.isKeyword("between") {
      advance()
      let low = try parseBinary(minimumPrecedence: 5)
      guard acceptKeyword("and") != nil else {
        throw LanguageError(
          "expected 'and' in 'between ... and ...', found \(describe(current))", at: current.range)
      }
      let high = try parseBinary(minimumPrecedence: 5)
      return Expression(.between(left, low, high, negated: negated), left.range.union(high.range))
    }
    return nil
  }

  /// Parses prefix `-` and `not`, then a primary.
  mutating func parseUnary() throws(LanguageError) -> Expression {
    try enterNesting()
    defer { depth -= 1 }
    if let minus = accept(.minus) {
      let operand = try parseUnary()
      return Expression(.unary(.negate, operand), minus.range.union(operand.range))
    }
    if let not = acceptKeyword("not") {
      // `not` binds looser than comparisons: `not a == b` is `not (a == b)`.
      let operand = try parseBinary(minimumPrecedence: 4)
      return Expression(.unary(.not, operand), not.range.union(operand.range))
    }
    return try parsePrimary()
  }
}
