
extension Lexer {
  /// Decodes the Unicode scalar at `offset`: the scalar (nil for malformed UTF-8) and its byte length.
  func decodeScalar(at offset: Int) -> (scalar: Unicode.Scalar?, length: Int) {
    let b0 = byte(at: offset)
    if b0 < 0x80 { return (Unicode.Scalar(b0), 1) }
    let length: Int
    var value: UInt32
    if b0 >= 0xF0 && b0 < 0xF8 {
      (length, value) = (4, UInt32(b0 & 0x07))
    } else if b0 >= 0xE0 {
      (length, value) = (3, UInt32(b0 & 0x0F))
    } else if b0 >= 0xC0 {
      (length, value) = (2, UInt32(b0 & 0x1F))
    } else {
      return (nil, 1)
    }
    guard offset + length <= end else { return (nil, 1) }
    for k in 1..<length {
      let b = bytes[offset + k]
      guard b & 0xC0 == 0x80 else { return (nil, 1) }
      value = value << 6 | UInt32(b & 0x3F)
    }
    return (Unicode.Scalar(value), length)
  }

  /// The byte length of the character at `offset` if it can start an identifier
  /// (a letter of any script or `_`), else nil.
  func identifierStartLength(at offset: Int) -> Int? {
    let c = byte(at: offset)
    if c < 0x80 {
      let lower = c | 0x20
      let isLetter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
      return isLetter || c == UInt8(ascii: "_") ? 1 : nil
    }
    let (scalar, length) = decodeScalar(at: offset)
    guard let scalar, scalar.properties.isAlphabetic else { return nil }
    return length
  }

  /// The byte length of the character at `offset` if it can continue an identifier
  /// (a letter, a digit, `_` or a combining mark), else nil.
  func identifierContinuationLength(at offset: Int) -> Int? {
    guard offset < end else { return nil }
    let c = bytes[offset]
    if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") { return 1 }
    if let length = identifierStartLength(at: offset) { return length }
    guard c >= 0x80 else { return nil }
    let (scalar, length) = decodeScalar(at: offset)
    guard let scalar else { return nil }
    switch scalar.properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return length
    default: return nil
    }
  }

  /// Moves past letters, digits, `_` and combining marks.
  mutating func skipIdentifierContinuation() {
    while let length = identifierContinuationLength(at: position) {
      position += length
    }
  }
}
