/// Terminal display width of text, counted per grapheme cluster.
///
/// Combining marks add nothing, East Asian wide and fullwidth characters and
/// emoji count two columns, everything else one.
package enum DisplayWidth {
  /// The number of terminal columns `text` occupies.
  package static func of<S: StringProtocol>(_ text: S) -> Int {
    var width = 0
    for character in text {
      width += of(character)
    }
    return width
  }

  /// The number of terminal columns one grapheme cluster occupies.
  package static func of(_ character: Character) -> Int {
    if character.isASCII { return character.asciiValue.map { $0 < 0x20 || $0 == 0x7F ? 0 : 1 } ?? 1 }
    guard let first = character.unicodeScalars.first else { return 0 }
    if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    if first.properties.isEmojiPresentation { return 2 }
    if isWide(first.value) { return 2 }
    if first.properties.generalCategory == .nonspacingMark
      || first.properties.generalCategory == .enclosingMark
      || first.properties.generalCategory == .format
    {
      return 0
    }
    return 1
  }

  /// Whether a scalar is East Asian Wide or Fullwidth.
  package static func isWide(_ v: UInt32) -> Bool {
    (v >= 0x1100 && v <= 0x115F) || (v >= 0x2E80 && v <= 0x303E) || (v >= 0x3041 && v <= 0x33FF)
      || (v >= 0x3400 && v <= 0x4DBF) || (v >= 0x4E00 && v <= 0x9FFF) || (v >= 0xA000 && v <= 0xA4CF)
      || (v >= 0xAC00 && v <= 0xD7A3) || (v >= 0xF900 && v <= 0xFAFF) || (v >= 0xFE30 && v <= 0xFE4F)
      || (v >= 0xFF00 && v <= 0xFF60) || (v >= 0xFFE0 && v <= 0xFFE6) || (v >= 0x1F300 && v <= 0x1F64F)
      || (v >= 0x1F900 && v <= 0x1F9FF) || (v >= 0x20000 && v <= 0x3FFFD)
  }
}
