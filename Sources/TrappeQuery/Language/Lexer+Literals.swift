import TrappeBase

extension Lexer {
  /// Reads a string in double or single quotes, resolving `\"`, `\'`, `\\`, `\n` and `\t`.
  ///
  /// A string ends on the line it starts on (`\n` writes a line break), so a missing
  /// closing quote is reported where the string starts, not at a quote lines later.
  mutating func string() throws(LanguageError) -> Token {
    let start = position
    let quote = bytes[position]
    position += 1
    var content: [UInt8] = []
    while position < end {
      let c = bytes[position]
      if c == 10 || c == 13 { break }
      if c == quote {
        position += 1
        return Token(.string(String(decoding: content, as: UTF8.self)), SourceRange(start, position))
      }
      if c == UInt8(ascii: "\\") {
        let escaped = byte(at: position + 1)
        switch escaped {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "\\"): content.append(escaped)
        case UInt8(ascii: "n"): content.append(10)
        case UInt8(ascii: "t"): content.append(9)
        default:
          let length = position + 1 < end ? decodeScalar(at: position + 1).length : 0
          let range = SourceRange(position, position + 1 + length)
          throw LanguageError(
            "unknown escape '\(text(range.lower, range.upper))' in string", at: range,
            hints: ["strings understand \\\" \\' \\\\ \\n and \\t"])
        }
        position += 2
        continue
      }
      content.append(c)
      position += 1
    }
    let mark = quote == UInt8(ascii: "\"") ? "\"" : "'"
    throw LanguageError(
      "unterminated string", at: SourceRange(start, start + 1),
      hints: ["close the string with \(mark) on the same line (write \\n for a line break)"])
  }

  /// Reads a backquoted name; there are no escapes and it must end on the same line.
  mutating func quotedIdentifier() throws(LanguageError) -> Token {
    let start = position
    position += 1
    while position < end && bytes[position] != UInt8(ascii: "`") && bytes[position] != 10 {
      position += 1
    }
    guard position < end && bytes[position] == UInt8(ascii: "`") else {
      throw LanguageError(
        "unterminated backquoted name", at: SourceRange(start, start + 1),
        hints: ["close the name with ` on the same line"])
    }
    position += 1
    let name = text(start + 1, position - 1)
    guard !name.isEmpty else {
      throw LanguageError("empty backquoted name", at: SourceRange(start, position))
    }
    return Token(.quotedIdentifier(name), SourceRange(start, position))
  }
}
