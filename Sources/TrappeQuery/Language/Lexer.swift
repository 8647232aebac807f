import TrappeBase

/// Splits a statement's text into tokens, reporting stray characters with their exact span.
///
/// Offsets are UTF-8 byte offsets into the whole text, so a lexer over part of a
/// text (a statement inside a script line) reports positions in the whole text.
struct Lexer {
  /// The whole text's bytes.
  let bytes: [UInt8]
  /// The offset just past the last byte to read.
  let end: Int
  /// The offset of the next byte to read.
  var position: Int

  /// A lexer over `range` of `text` (clamped to the text).
  init(_ text: String, in range: SourceRange? = nil) {
    bytes = Array(text.utf8)
    let upper = min(range?.upper ?? bytes.count, bytes.count)
    end = upper
    position = max(0, min(range?.lower ?? 0, upper))
  }

  /// All tokens of `range` of `text`, ending with an ``TokenKind/end`` token.
  static func tokenize(_ text: String, in range: SourceRange? = nil) throws(LanguageError) -> [Token] {
    var lexer = Lexer(text, in: range)
    var tokens: [Token] = []
    while true {
      let token = try lexer.next()
      if token.isEnd {
        // The end sits just after the last token, so carets land next to it.
        let at = tokens.last?.range.upper ?? lexer.position
        tokens.append(Token(.end, SourceRange(at, at)))
        return tokens
      }
      tokens.append(token)
    }
  }

  /// The byte at `offset`, or 0 past the end.
  func byte(at offset: Int) -> UInt8 {
    offset < end && offset >= 0 ? bytes[offset] : 0
  }

  /// The text of `lower..<upper`.
  func text(_ lower: Int, _ upper: Int) -> String {
    String(decoding: bytes[lower..<upper], as: UTF8.self)
  }

  /// Reads the next token, skipping whitespace and comments.
  mutating func next() throws(LanguageError) -> Token {
    skipTrivia()
    guard position < end else { return Token(.end, SourceRange(end, end)) }
    let start = position
    let c = bytes[position]
    if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return try number() }
    if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { return try string() }
    if c == UInt8(ascii: "`") { return try quotedIdentifier() }
    if let length = identifierStartLength(at: position) {
      position += length
      skipIdentifierContinuation()
      return Token(.identifier(text(start, position)), SourceRange(start, position))
    }
    if c == UInt8(ascii: "/") && byte(at: position + 1) == UInt8(ascii: "/") {
      throw LanguageError(
        "'//' does not start a comment in Trappe", at: SourceRange(start, start + 2),
        hints: ["comments start with -- or # (on their own line or after a statement); '/' divides"])
    }
    if let token = punctuation() { return token }
    throw unexpectedCharacter(at: start)
  }

  /// Skips spaces, newlines, other Unicode white space, and `--` / `#` comments (to the line end).
  mutating func skipTrivia() {
    while position < end {
      let c = bytes[position]
      if c == UInt8(ascii: "#") || (c == UInt8(ascii: "-") && byte(at: position + 1) == UInt8(ascii: "-")) {
        while position < end && bytes[position] != 10 { position += 1 }
        continue
      }
      if c == 32 || c == 9 || c == 10 || c == 13 || c == 11 || c == 12 {
        position += 1
        continue
      }
      if c >= 0x80 {
        let (scalar, length) = decodeScalar(at: position)
        if let scalar, scalar.properties.isWhitespace {
          position += length
          continue
        }
      }
      return
    }
  }

  /// Reads an operator or punctuation token, or returns nil.
  mutating func punctuation() -> Token? {
    let start = position
    let c = bytes[position]
    let next = byte(at: position + 1)
    var kind: TokenKind
    var length = 1
    switch c {
    case UInt8(ascii: "|"): kind = .pipe
    case UInt8(ascii: "("): kind = .leftParen
    case UInt8(ascii: ")"): kind = .rightParen
    case UInt8(ascii: ","): kind = .comma
    case UInt8(ascii: "."): kind = .dot
    case UInt8(ascii: "+"): kind = .plus
    case UInt8(ascii: "-"): kind = .minus
    case UInt8(ascii: "*"): kind = .star
    case UInt8(ascii: "/"): kind = .slash
    case UInt8(ascii: "%"): kind = .percent
    case UInt8(ascii: "="):
      kind = .assign
      if next == UInt8(ascii: "=") { (kind, length) = (.equal, 2) }
    case UInt8(ascii: "!"):
      guard next == UInt8(ascii: "=") else { return nil }
      (kind, length) = (.notEqual, 2)
    case UInt8(ascii: "<"):
      kind = .less
      if next == UInt8(ascii: "=") { (kind, length) = (.lessOrEqual, 2) }
      if next == UInt8(ascii: ">") { (kind, length) = (.notEqual, 2) }
    case UInt8(ascii: ">"):
      kind = .greater
      if next == UInt8(ascii: "=") { (kind, length) = (.greaterOrEqual, 2) }
    case UInt8(ascii: "?"):
      guard next == UInt8(ascii: "?") else { return nil }
      (kind, length) = (.coalesce, 2)
    default:
      return nil
    }
    position += length
    return Token(kind, SourceRange(start, position))
  }

  /// The error for the character at `start`, spanning exactly that character.
  func unexpectedCharacter(at start: Int) -> LanguageError {
    let (scalar, length) = decodeScalar(at: start)
    let range = SourceRange(start, start + length)
    guard let scalar else {
      let hex = String(bytes[start], radix: 16, uppercase: true)
      return LanguageError("unexpected byte 0x\(hex.count < 2 ? "0" + hex : hex)", at: range)
    }
    var hints: [String] = []
    switch scalar {
    case "!": hints = ["use 'not' to negate, or '!=' to compare"]
    case "&": hints = ["use 'and' to combine conditions"]
    case "?": hints = ["use '??' to give a default for null"]
    case "^": hints = ["there is no power operator; use pow(x, y)"]
    case ";": hints = ["a statement needs no ';'"]
    case "\u{201C}", "\u{201D}", "\u{2018}", "\u{2019}", "\u{00AB}", "\u{00BB}":
      hints = ["typographic quotes are not string quotes; use \" or '"]
    default: break
    }
    let value = scalar.value
    let printable =
      value >= 0x20 && value != 0x7F && !(0x80..<0xA0).contains(value)
      && scalar.properties.generalCategory != .format && scalar.properties.generalCategory != .control
    let hex = String(value, radix: 16, uppercase: true)
    let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    let shown = printable ? "'\(Character(scalar))'" : code
    return LanguageError("unexpected character \(shown)", at: range, hints: hints)
  }
}
