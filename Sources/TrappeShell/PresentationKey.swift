/// A key pressed during `trappe --present`, decoded from the terminal's bytes.
///
/// Escape sequences are read as whole keys, so `ESC [ B` (↓) is one key and not the letter `B`.
/// Presentation clickers send PgDn/PgUp or →/←.
package enum PresentationKey: Equatable, Sendable {
  /// Space, Enter, →, ↓, PgDn, `n`.
  case next
  /// ←, ↑, PgUp, `b`, `p`, Backspace.
  case back
  /// Home.
  case first
  /// End.
  case last
  /// `q`, Ctrl-C, Ctrl-D.
  case quit
  /// `g`: go to the step whose number follows.
  case goTo
  /// `:`: an ad-hoc query.
  case query
  /// `i`: the step's notes.
  case notes
  /// A digit (after `g`).
  case digit(Int)
  /// Escape on its own.
  case escape
  /// Anything else.
  case other

  /// Decodes the first key in `bytes`; returns it and how many bytes it took (0: need more bytes).
  /// `complete` says no more bytes are coming, so a lone ESC is the Escape key.
  package static func decode(_ bytes: [UInt8], complete: Bool) -> (key: PresentationKey, length: Int) {
    guard let first = bytes.first else { return (.other, 0) }
    switch first {
    case 0x1B:
      guard bytes.count > 1 else { return complete ? (.escape, 1) : (.other, 0) }
      let second = bytes[1]
      guard second == UInt8(ascii: "[") || second == UInt8(ascii: "O") else { return (.escape, 1) }
      // CSI/SS3: parameters (digits, ';') then one final byte in @…~.
      var index = 2
      while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x3F { index += 1 }
      guard index < bytes.count else { return complete ? (.other, bytes.count) : (.other, 0) }
      let final = bytes[index]
      let parameter = String(decoding: bytes[2..<index], as: UTF8.self).split(separator: ";").first.map(String.init) ?? ""
      let key: PresentationKey
      switch (final, parameter) {
      case (UInt8(ascii: "C"), _), (UInt8(ascii: "B"), _), (UInt8(ascii: "~"), "6"): key = .next
      case (UInt8(ascii: "D"), _), (UInt8(ascii: "A"), _), (UInt8(ascii: "~"), "5"): key = .back
      case (UInt8(ascii: "H"), _), (UInt8(ascii: "~"), "1"), (UInt8(ascii: "~"), "7"): key = .first
      case (UInt8(ascii: "F"), _), (UInt8(ascii: "~"), "4"), (UInt8(ascii: "~"), "8"): key = .last
      default: key = .other
      }
      return (key, index + 1)
    case UInt8(ascii: " "), 10, 13, UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "j"): return (.next, 1)
    case UInt8(ascii: "b"), UInt8(ascii: "B"), UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: "k"), 8, 127:
      return (.back, 1)
    case UInt8(ascii: "q"), UInt8(ascii: "Q"), 3, 4: return (.quit, 1)
    case UInt8(ascii: "g"), UInt8(ascii: "G"): return (.goTo, 1)
    case UInt8(ascii: ":"): return (.query, 1)
    case UInt8(ascii: "i"), UInt8(ascii: "I"): return (.notes, 1)
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return (.digit(Int(first - UInt8(ascii: "0"))), 1)
    default:
      // One UTF-8 character.
      let length = first < 0xC0 ? 1 : first < 0xE0 ? 2 : first < 0xF0 ? 3 : 4
      return (.other, min(length, bytes.count))
    }
  }
}
