import TrappeBase
import TrappeIO

extension Session {
  /// `text` with each line wider than the terminal wrapped between words, the continuation
  /// lines indented under the line's label (`hint: `, `source:     `), so the terminal does
  /// not break words (`ma` / `al`). Only on a terminal; files and pipes get the lines whole.
  func wrappedForTerminal(_ text: String) -> String {
    guard settings.terminalOutput else { return text }
    let width = settings.effectiveWidth
    guard width >= 40 else { return text }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return lines.flatMap { Session.hanging($0, width: width) }.joined(separator: "\n")
  }

  /// One line wrapped with a hanging indent: the width of its leading label (up to its first `: `
  /// and the spaces after it: `hint: `, `source:     `, or else its leading spaces); lines with escapes or that fit are kept.
  static func hanging(_ line: String, width: Int) -> [String] {
    let colouredHint = "\u{1B}[36mhint:\u{1B}[0m "
    if line.hasPrefix(colouredHint) {
      let body = String(line.dropFirst(colouredHint.count))
      guard !body.contains("\u{1B}"), DisplayWidth.of(body) + 6 > width else { return [line] }
      return TerminalText.wrapIfNeeded(body, width: width - 6).enumerated().map { index, part in
        (index == 0 ? colouredHint : "      ") + part
      }
    }
    guard DisplayWidth.of(line) > width, !line.contains("\u{1B}") else { return [line] }
    var indent = line.prefix { $0 == " " }.count
    if let colon = line.firstRange(of: ": ")?.lowerBound, line.distance(from: line.startIndex, to: colon) < width / 2 {
      let afterColon = line[line.index(after: colon)...]
      indent = line.distance(from: line.startIndex, to: colon) + 1 + afterColon.prefix { $0 == " " }.count
    }
    guard indent < width / 2 else { return [line] }
    let label = String(line.prefix(indent))
    let body = String(line.dropFirst(indent))
    let wrapped = TerminalText.wrapIfNeeded(body, width: width - indent)
    return wrapped.enumerated().map { index, part in
      (index == 0 ? label : String(repeating: " ", count: indent)) + part
    }
  }
}
