import TrappeBase

extension Presentation {
  /// A statement of a script, with the comment paragraph just above it and the line it starts on.
  struct Statement: Sendable, Equatable {
    /// The last paragraph of `--`/`#` comment lines before the statement, joined into one line.
    var title: String
    /// The statement's text (continuation lines joined with newlines).
    var text: String
    /// The 1-based line of its first line in the script.
    var line: Int
  }

  /// The statements of a script, joined as ``ScriptRunner`` joins them: a query continues while
  /// `needsMore` says it is incomplete or while the next line starts with `|`.
  static func statements(of text: String, needsMore: (String) -> Bool) -> [Statement] {
    var result: [Statement] = []
    var comments: [String] = []
    var pending: Statement?
    func flush() {
      if let statement = pending { result.append(statement) }
      pending = nil
    }
    var number = 0
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      number += 1
      var line = String(raw)
      if line.hasSuffix("\r") { line.removeLast() }
      if number == 1 && line.unicodeScalars.first == "\u{FEFF}" { line.unicodeScalars.removeFirst() }
      let body = line.trimmingLeadingWhitespace()
      if let current = pending {
        if body.hasPrefix("|") || needsMore(current.text) {
          pending?.text += "\n" + line
          continue
        }
        flush()
      }
      if body.hasPrefix("--") || body.hasPrefix("#") {
        comments.append(String(body.drop { $0 == "-" || $0 == "#" }).trimmed())
        continue
      }
      if body.isEmpty {
        if !comments.isEmpty { comments.append("") }
        continue
      }
      let title = comments.split(separator: "").last.map { $0.joined(separator: " ") } ?? ""
      comments = []
      pending = Statement(title: title, text: line, line: number)
      if body.hasPrefix(".") && !needsMore(line) { flush() }
    }
    flush()
    return result
  }
}
