import TrappeBase

/// Measuring, truncating, padding and wrapping text by terminal display width.
///
/// Every width here is counted with ``DisplayWidth``, so accented letters,
/// combining marks and wide East Asian characters line up in a grid.
package enum TerminalText {
  /// How a cell's text sits inside its column.
  package enum Alignment: Sendable {
    case left
    case right
    case center
  }

  /// `text` cut to at most `width` columns, ending in `ellipsis` (`…`, or `...` for
  /// `.charset ascii`) when anything was cut.
  package static func truncate(_ text: String, to width: Int, ellipsis: String = "…") -> String {
    guard width > 0 else { return "" }
    if DisplayWidth.of(text) <= width { return text }
    let mark = DisplayWidth.of(ellipsis) < width ? ellipsis : "…"
    let markWidth = DisplayWidth.of(mark)
    var result = ""
    var used = 0
    for character in text {
      let w = DisplayWidth.of(character)
      if used + w > width - markWidth { break }
      result.append(character)
      used += w
    }
    return result + mark
  }

  /// `text` truncated to `width` and padded with spaces to exactly `width` columns.
  ///
  /// `style`, when given, is an ANSI SGR parameter (such as `1` for bold) wrapped
  /// around the text but not the padding; escapes do not count towards the width.
  package static func fit(
    _ text: String, width: Int, alignment: Alignment, style: String? = nil, ellipsis: String = "…"
  ) -> String {
    let cut = truncate(text, to: width, ellipsis: ellipsis)
    let spare = max(0, width - DisplayWidth.of(cut))
    let body = style.map { "\u{1B}[\($0)m" + cut + "\u{1B}[0m" } ?? cut
    switch alignment {
    case .left:
      return body + spaces(spare)
    case .right:
      return spaces(spare) + body
    case .center:
      let before = spare / 2
      return spaces(before) + body + spaces(spare - before)
    }
  }

  /// `count` spaces (none when `count` is not positive).
  package static func spaces(_ count: Int) -> String {
    count > 0 ? String(repeating: " ", count: count) : ""
  }

  /// Words of `text` greedily packed into lines of at most `width` columns.
  ///
  /// Words wider than `width` are broken between grapheme clusters. Runs of
  /// spaces collapse; an empty text gives one empty line.
  static func wrap(_ text: String, width: Int) -> [String] {
    let width = max(1, width)
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    for word in text.split(separator: " ") {
      var word = String(word)
      var wordWidth = DisplayWidth.of(word)
      if lineWidth > 0 && lineWidth + 1 + wordWidth <= width {
        line += " " + word
        lineWidth += 1 + wordWidth
        continue
      }
      if lineWidth > 0 {
        lines.append(line)
        line = ""
        lineWidth = 0
      }
      while wordWidth > width {
        let (head, rest) = split(word, at: width)
        lines.append(head)
        word = rest
        wordWidth = DisplayWidth.of(word)
      }
      line = word
      lineWidth = wordWidth
    }
    if lineWidth > 0 || lines.isEmpty { lines.append(line) }
    return lines
  }

  /// Joins `segments` with two spaces into lines of at most `width` columns,
  /// starting a new line between segments rather than inside one when possible.
  package static func wrapSegments(_ segments: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for segment in segments {
      if line.isEmpty {
        line = segment
      } else if DisplayWidth.of(line) + 2 + DisplayWidth.of(segment) <= width {
        line += "  " + segment
      } else {
        lines += wrapIfNeeded(line, width: width)
        line = segment
      }
    }
    lines += wrapIfNeeded(line, width: width)
    return lines
  }

  /// `text` as one line when it fits in `width`, otherwise ``wrap(_:width:)``.
  package static func wrapIfNeeded(_ text: String, width: Int) -> [String] {
    DisplayWidth.of(text) <= width ? [text] : wrap(text, width: width)
  }

  /// The longest prefix of `word` that fits in `width` columns (at least one
  /// character), and the rest.
  static func split(_ word: String, at width: Int) -> (String, String) {
    var head = ""
    var used = 0
    var index = word.startIndex
    while index < word.endIndex {
      let w = DisplayWidth.of(word[index])
      if used + w > width && !head.isEmpty { break }
      head.append(word[index])
      used += w
      index = word.index(after: index)
    }
    return (head, String(word[index...]))
  }

  /// `text` without ANSI CSI escape sequences (such as `ESC[1m`).
  package static func strippingEscapes(_ text: String) -> String {
    var result = ""
    var inEscape = false
    var sawBracket = false
    for scalar in text.unicodeScalars {
      if inEscape {
        if !sawBracket {
          sawBracket = true
          continue
        }
        if scalar.value >= 0x40 && scalar.value <= 0x7E { inEscape = false }
        continue
      }
      if scalar.value == 0x1B {
        inEscape = true
        sawBracket = false
        continue
      }
      result.unicodeScalars.append(scalar)
    }
    return result
  }
}
