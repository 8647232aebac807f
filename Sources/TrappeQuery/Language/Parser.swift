import TrappeBase

/// A recursive-descent parser over the tokens of one statement.
///
/// Every loop consumes a token or stops, and nesting (parentheses, unary
/// operators, parenthesised pipelines) is bounded by ``maxDepth``, so any input
/// ends in a ``Statement`` or a ``LanguageError``.
package struct Parser {
  /// How deeply expressions and pipelines may nest.
  static let maxDepth = 200
  /// How many stages a statement may have in all (nested pipelines included). Binding,
  /// optimising and running recurse once per stage; the shell runs statements on a
  /// ``DeepStack`` thread that holds this many with room to spare.
  static let maxStages = 10_000

  /// The whole statement text, for messages and columns.
  let source: SourceText
  /// The tokens, ending with an ``TokenKind/end`` token.
  let tokens: [Token]
  /// The index of the current token; never past the end token.
  var index = 0
  /// The current nesting depth.
  var depth = 0
  /// The stages parsed so far, for ``maxStages``.
  var stageCount = 0
  /// Whether a call may carry a window (`over ...`, `order by ...`): only inside `extend`.
  var allowsWindow = false
  /// How many call argument lists enclose the current token; inside one, a comma
  /// ends a window's `order by` list (`round(percent_rank() order by x, 3)`).
  var argumentNesting = 0

  /// A parser over `range` of `text`.
  init(_ text: String, in range: SourceRange? = nil) throws(LanguageError) {
    source = SourceText(text)
    tokens = try Lexer.tokenize(text, in: range)
  }

  /// The current token.
  var current: Token { tokens[index] }

  /// The token `offset` places ahead (the end token past the end).
  func peek(_ offset: Int) -> Token {
    tokens[min(index + offset, tokens.count - 1)]
  }

  /// The token just consumed, if any.
  var previous: Token? { index > 0 ? tokens[index - 1] : nil }

  /// Where the last consumed token ends.
  var lastEnd: Int { previous?.range.upper ?? current.range.lower }

  /// Consumes and returns the current token (the end token is never consumed).
  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[index]
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  /// Consumes the current token if it is `kind`.
  mutating func accept(_ kind: TokenKind) -> Token? {
    current.kind == kind ? advance() : nil
  }

  /// Consumes the current token if it is the keyword `word` (lower-case).
  mutating func acceptKeyword(_ word: String) -> Token? {
    current.isKeyword(word) ? advance() : nil
  }

  /// Goes `weight` nesting levels deeper, failing when nesting gets too deep.
  ///
  /// The caller restores ``depth`` when it returns. A parenthesised pipeline weighs more than
  /// a parenthesis, as parsing it takes more stack.
  mutating func enterNesting(weight: Int = 1, what: String = "expression") throws(LanguageError) {
    depth += weight
    if depth > Parser.maxDepth {
      throw LanguageError(
        "\(what) nested too deeply", at: current.range,
        hints: ["at most \(Parser.maxDepth / weight) levels of nesting are allowed"])
    }
  }

  /// The token as quoted in messages: `'x'` or "the end of the query".
  func describe(_ token: Token) -> String {
    if token.isEnd { return "the end of the query" }
    var text = source[token.range]
    if text.count > 30 { text = String(text.prefix(27)) + "..." }
    return "'\(text)'"
  }

  /// The text of the previous token in quotes, for "after 'x'" messages.
  var afterPrevious: String {
    guard let previous else { return "the start" }
    return describe(previous)
  }

  /// "column 12" (or "line 2, column 12" when `range` is on another line than `other`).
  func position(of range: SourceRange, from other: SourceRange) -> String {
    let here = source.diagnostic("", at: range).location
    let there = source.diagnostic("", at: other).location
    guard let here else { return "offset \(range.lower)" }
    if let there, there.line != here.line {
      return "line \(here.line), column \(here.column)"
    }
    return "column \(here.column)"
  }

  /// Consumes the `)` closing the `(` at `opener`, or fails pointing where it was expected.
  @discardableResult
  mutating func expectClosing(_ opener: Token) throws(LanguageError) -> Token {
    if let token = accept(.rightParen) { return token }
    throw LanguageError(
      "expected ')' to close the '(' at \(position(of: opener.range, from: current.range))",
      at: current.range)
  }

  /// Consumes a name (bare or backquoted), or fails with `message`.
  mutating func expectName(_ message: String) throws(LanguageError) -> (String, SourceRange) {
    guard let name = current.name else {
      throw LanguageError("\(message), found \(describe(current))", at: current.range)
    }
    return (name, advance().range)
  }
}
