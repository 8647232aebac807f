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
    out += "\(bold)\(tint)\(severity.rawValue):\(reset)\(bold) \(message)\(reset)\n"
    if let location, let sourceLine {
      let number = String(location.line)
      let pad = String(repeating: " ", count: number.count)
      let shown = sourceLine.replacingTabs()
      let prefix = shown.prefix(max(0, location.column - 1))
      let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
      let underlined = shown.dropFirst(max(0, location.column - 1)).prefix(length)
      let carets = String(repeating: "^", count: max(1, DisplayWidth.of(underlined)))
      out += "  \(number) | \(shown)\n"
      out += "  \(pad) | \(indent)\(tint)\(carets)\(reset)\n"
    }
    for hint in hints {
      out += "\(cyan)hint:\(reset) \(hint)\n"
    }
    return out
  }
}

extension String {
  /// The string with each tab replaced by one space, so carets line up.
  func replacingTabs() -> String {
    String(map { $0 == "\t" ? " " : $0 })
  }
}
