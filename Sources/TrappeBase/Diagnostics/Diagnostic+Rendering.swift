extension Diagnostic {
  /// Renders the diagnostic as text, in the swift-syntax and DuckDB style.
  ///
  ///     data.csv:3:7: error: unterminated quoted field
  ///       3 | 101;"Gladsaxe;12
  ///         |     ^
  ///     hint: close the quote or check the delimiter
  ///
  /// Without a file the first line reads `error: ...`, and the gutter still
  /// gives the line number. With `color`, severity and caret are coloured.
  package func rendered(color: Bool = false) -> String {
    let (bold, red, yellow, cyan, reset) =
      color ? ("\u{1B}[1m", "\u{1B}[31m", "\u{1B}[33m", "\u{1B}[36m", "\u{1B}[0m") : ("", "", "", "", "")
    let tint = severity == .error ? red : (severity == .warning ? yellow : cyan)
    var out = ""
    if let location, let file = location.file {
      out += "\(bold)\(file):\(location.line):\(location.column):\(reset) "
    }
    out += "\(bold)\(tint)\(severity.rawValue):\(reset)\(bold) \(TerminalSafe.escaped(message, keepingLayout: true))\(reset)\n"
    if let location, let sourceLine {
      let number = String(location.line)
      let pad = String(repeating: " ", count: number.count)
      let excerpt = Diagnostic.excerpt(sourceLine, column: location.column, length: length)
      let indent = String(repeating: " ", count: DisplayWidth.of(excerpt.before))
      let carets = String(repeating: "^", count: max(1, DisplayWidth.of(excerpt.underlined)))
      out += "  \(number) | \(excerpt.before)\(excerpt.underlined)\(excerpt.after)\n"
      out += "  \(pad) | \(indent)\(tint)\(carets)\(reset)\n"
    }
    for hint in hints {
      out += "\(cyan)hint:\(reset) \(TerminalSafe.escaped(hint, keepingLayout: true))\n"
    }
    return out
  }

  /// Characters of the source line shown before the caret, and after the underlined part.
  static let excerptContext = 100

  /// The part of `line` an error shows, split around the underlined characters: at most
  /// ``excerptContext`` characters either side of the caret and as many underlined, with `…`
  /// where the line was cut (an error on a 10 MB line printed all of it and 10 M carets).
  /// Tabs become one space so carets line up; control and bidirectional characters are
  /// escaped (``TerminalSafe``), so a binary file's bytes or an ESC never reach the terminal.
  static func excerpt(_ line: String, column: Int, length: Int) -> (before: String, underlined: String, after: String) {
    let caret = line.index(line.startIndex, offsetBy: max(0, column - 1), limitedBy: line.endIndex) ?? line.endIndex
    let from = line.index(caret, offsetBy: -excerptContext, limitedBy: line.startIndex) ?? line.startIndex
    let end = line.index(caret, offsetBy: min(max(0, length), excerptContext), limitedBy: line.endIndex) ?? line.endIndex
    let to = line.index(end, offsetBy: excerptContext, limitedBy: line.endIndex) ?? line.endIndex
    func shown(_ part: Substring) -> String {
      TerminalSafe.escaped(String(part.map { $0 == "\t" ? " " : $0 }))
    }
    return (
      (from > line.startIndex ? "…" : "") + shown(line[from..<caret]), shown(line[caret..<end]),
      shown(line[end..<to]) + (to < line.endIndex ? "…" : "")
    )
  }
}

extension String {
  /// The string with each tab replaced by one space, so carets line up.
  func replacingTabs() -> String {
    String(map { $0 == "\t" ? " " : $0 })
  }
}
