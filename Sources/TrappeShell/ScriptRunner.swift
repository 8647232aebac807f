import TrappeBase

/// Runs a stream of lines as statements: the batch path shared by pipes, script files and `.read`.
///
/// A statement is one meta command line, or a query that continues while it is
/// incomplete (open brackets or quotes, a trailing `|`) or while the next line
/// starts with `|`. Blank lines and lines starting with `#` or `--` are comments.
/// An unindented line that starts a statement of its own (a table name then `|`,
/// `let`, a meta command; see ``Session/startsNewStatement(_:after:)``) ends a statement
/// left open by a trailing `,` or `|`, so the error points at the dangling comma.
struct ScriptRunner {
  /// How a script ended.
  enum Status: Equatable, Sendable {
    /// Every statement succeeded.
    case succeeded
    /// A statement failed (and the run stopped, unless keep-going).
    case failed
    /// A statement asked to exit with this status.
    case exit(Int32)
  }

  let session: Session
  let file: String?
  let keepGoing: Bool
  /// Told each statement that failed (`--check` prints them before its diff).
  var failed: ((Diagnostic) -> Void)?

  /// Creates a runner; `file` names the input in diagnostics (nil for `-c`).
  init(session: Session, file: String?, keepGoing: Bool) {
    self.session = session
    self.file = file
    self.keepGoing = keepGoing
  }

  /// Runs the lines `nextLine` yields until it returns nil, an error stops the run, or `.quit`.
  func run(_ nextLine: () -> String?) -> Status {
    var pending: (text: String, line: Int)?
    var lineNumber = 0
    var failed = false

    func flush() -> Status? {
      guard let statement = pending else { return nil }
      pending = nil
      switch session.run(statement.text, origin: InputOrigin(file: file, line: statement.line)) {
      case .success: return nil
      case .exit(let code): return .exit(code)
      case .failure(let diagnostic):
        self.failed?(diagnostic)
        failed = true
        return keepGoing ? nil : .failed
      }
    }

    while var line = nextLine() {
      lineNumber += 1
      if line.hasSuffix("\r") { line.removeLast() }
      // A UTF-8 byte order mark (Windows editors write one) is not part of the first line.
      if lineNumber == 1 && line.unicodeScalars.first == "\u{FEFF}" { line.unicodeScalars.removeFirst() }
      let body = line.trimmingLeadingWhitespace()
      if let current = pending {
        let open = session.needsMoreInput(current.text) && !session.startsNewStatement(line, after: current.text)
        if body.hasPrefix("|") || open {
          pending?.text += "\n" + line
          continue
        }
        if let stop = flush() { return stop }
      }
      if body.hasPrefix("--") {
        // A record or report makes the script's comments its headings and paragraphs.
        session.scriptComment(String(body.dropFirst(2)), line: lineNumber)
        continue
      }
      if body.isEmpty || body.hasPrefix("#") { continue }
      pending = (line, lineNumber)
      if body.hasPrefix(".") && !session.needsMoreInput(line) {
        if let stop = flush() { return stop }
      }
    }
    if let stop = flush() { return stop }
    return failed ? .failed : .succeeded
  }
}
