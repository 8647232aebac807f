import TrappeBase

/// One token of a statement, with the span of text it was read from.
struct Token: Sendable, Equatable {
  /// What the token is.
  var kind: TokenKind
  /// Where the token was written (UTF-8 byte offsets into the statement text).
  var range: SourceRange

  /// Creates a token.
  init(_ kind: TokenKind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  /// Whether the token is the bare identifier `word` in any case (`word` is lower-case).
  func isKeyword(_ word: String) -> Bool {
    guard case .identifier(let name) = kind, name.utf8.count == word.utf8.count else { return false }
    return name.lowercased() == word
  }

  /// The lower-cased text of a bare identifier, or nil for any other token.
  var keyword: String? {
    guard case .identifier(let name) = kind else { return nil }
    return name.lowercased()
  }

  /// The name of an identifier or backquoted identifier, or nil for any other token.
  var name: String? {
    switch kind {
    case .identifier(let name), .quotedIdentifier(let name): return name
    default: return nil
    }
  }

  /// Whether this is the end-of-text token.
  var isEnd: Bool { kind == .end }
}
