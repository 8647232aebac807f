import TrappeBase
import TrappeStorage

extension Lexer {
  /// Whether `c` is an ASCII digit.
  static func isDigit(_ c: UInt8) -> Bool {
    c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
  }

  /// Reads an integer, a double or a period literal starting at a digit.
  mutating func number() throws(LanguageError) -> Token {
    let start = position
    while Lexer.isDigit(byte(at: position)) { position += 1 }
    if position - start == 4, let periodEnd = periodLiteralEnd(after: position) {
      position = periodEnd
      return try period(from: start)
    }
    var isDouble = false
    if byte(at: position) == UInt8(ascii: "."), Lexer.isDigit(byte(at: position + 1)) {
      isDouble = true
      position += 1
      while Lexer.isDigit(byte(at: position)) { position += 1 }
    }
    let e = byte(at: position) | 0x20
    if e == UInt8(ascii: "e") {
      let sign = byte(at: position + 1)
      let signLength = sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") ? 1 : 0
      if Lexer.isDigit(byte(at: position + 1 + signLength)) {
        isDouble = true
        position += 1 + signLength
        while Lexer.isDigit(byte(at: position)) { position += 1 }
      }
    }
    if identifierContinuationLength(at: position) != nil {
      skipIdentifierContinuation()
      throw LanguageError(
        "'\(text(start, position))' is not a valid number", at: SourceRange(start, position),
        hints: ["a name cannot start with a digit; write it in backquotes"])
    }
    let range = SourceRange(start, position)
    let spelled = text(start, position)
    if isDouble {
      guard let value = Double(spelled), value.isFinite else {
        throw LanguageError("the number '\(spelled)' is too large", at: range)
      }
      return Token(.double(value), range)
    }
    guard let value = Int64(spelled) else {
      throw LanguageError(
        "the integer '\(spelled)' is too large", at: range,
        hints: ["the largest integer is \(Int64.max); write \(spelled).0 for a double"])
    }
    return Token(.integer(value), range)
  }

  /// Where a period literal after four digits at `offset` ends, or nil when the digits are a plain number.
  ///
  /// Periods are `2008Q3`, `2008K3`, `2008W12`, `2008U12`, `2008M09` (a letter then
  /// digits, letters in either case) and `2008-09` or `2008-W12`.
  func periodLiteralEnd(after offset: Int) -> Int? {
    var i = offset
    let c = byte(at: i)
    let letters: [UInt8] = [UInt8(ascii: "q"), UInt8(ascii: "k"), UInt8(ascii: "w"), UInt8(ascii: "u"), UInt8(ascii: "m")]
    if letters.contains(c | 0x20) && c >= UInt8(ascii: "A") && Lexer.isDigit(byte(at: i + 1)) {
      i += 1
    } else if c == UInt8(ascii: "-") {
      let next = byte(at: i + 1)
      if (next | 0x20 == UInt8(ascii: "w") || next | 0x20 == UInt8(ascii: "u")) && Lexer.isDigit(byte(at: i + 2)) {
        i += 2
      } else if Lexer.isDigit(next) && Lexer.isDigit(byte(at: i + 2))
        && identifierContinuationLength(at: i + 3) == nil
      {
        return i + 3
      } else {
        return nil
      }
    } else {
      return nil
    }
    while let length = identifierContinuationLength(at: i) { i += length }
    return i
  }

  /// Turns the period literal `start..<position` into a token, or explains why it is not a period.
  func period(from start: Int) throws(LanguageError) -> Token {
    let range = SourceRange(start, position)
    let spelled = text(start, position)
    if let period = Period(spelled) { return Token(.period(period), range) }
    var reason = ""
    let tail = Array(spelled.utf8.dropFirst(4))
    let digits = tail.filter(Lexer.isDigit)
    let letter = (tail.first { !Lexer.isDigit($0) && $0 != UInt8(ascii: "-") } ?? 0) | 0x20
    let onlyDigitsAfterLetter = tail.count - digits.count <= (tail.first == UInt8(ascii: "-") ? 2 : 1)
    let yearDigits = spelled.utf8.prefix(4).reduce(0) { $0 * 10 + Int($1 &- 48) }
    if onlyDigitsAfterLetter && digits.count <= 2 && yearDigits >= 1000 {
      switch letter {
      case UInt8(ascii: "q"), UInt8(ascii: "k"): reason = " (quarters are 1–4)"
      case UInt8(ascii: "m"), 0x20: reason = " (months are 1–12)"
      case UInt8(ascii: "w"), UInt8(ascii: "u"):
        reason = " (\(yearDigits) has \(CivilDate.isoWeeks(in: yearDigits)) ISO weeks)"
      default: break
      }
    }
    throw LanguageError(
      "'\(spelled)' is not a valid period\(reason)", at: range,
      hints: ["periods are written 2008, 2008Q3 (or 2008K3), 2008-09 (or 2008M09) and 2008W12 (or 2008U12)"])
  }
}
