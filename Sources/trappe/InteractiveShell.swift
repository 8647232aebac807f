import Glibc
import LineEditing
import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeDatasets
import TrappeShell

/// The interactive shell: a libedit prompt with history, Tab completion and Ctrl-C handling.
///
/// Reads lines until a statement is complete (the continuation prompt shows
/// while ``Session/needsMoreInput(_:)`` says so), stores the whole statement as
/// one history entry and runs it. Ctrl-C abandons the line being typed, or
/// stops a running command; Ctrl-D on an empty line leaves.
struct InteractiveShell {
  let session: Session
  let historyPath: String?
  /// Whether to run `~/.trapperc` before the first prompt.
  let runRCFile: Bool

  /// The prompt for the first line of a statement.
  static let prompt = "trappe> "
  /// The prompt for further lines of an unfinished statement (same width).
  static let continuationPrompt = "   ...> "

  /// The history file: `$XDG_STATE_HOME/trappe/history`, else `~/.local/state/trappe/history`.
  ///
  /// A relative `XDG_STATE_HOME` is ignored, as the XDG specification asks.
  static func defaultHistoryPath() -> String? {
    if let state = Environment.value("XDG_STATE_HOME"), state.hasPrefix("/") {
      return state + "/trappe/history"
    }
    guard let home = Environment.value("HOME"), !home.isEmpty else { return nil }
    return home + "/.local/state/trappe/history"
  }

  /// Runs the shell until Ctrl-D or `.quit`; returns the exit status.
  func run() -> Int32 {
    guard let editor = LineEditor(programName: "trappe", historyPath: historyPath) else {
      return BatchRun.run(session: session, options: LaunchOptions()) { readLine(strippingNewline: true) }
    }
    InterruptSignal.install()
    FileHandleWriter.keepRunningOnFailure()
    if let problem = editor.historyProblem { FileHandleWriter.standardError("trappe: \(problem)\n") }
    if runRCFile { BatchRun.runRCFile(session: session) }
    let session = self.session
    editor.completer = { line, cursor in
      let result = session.completions(line: line, cursor: cursor)
      return (result.start, result.candidates)
    }
    editor.interruptPending = { Interrupt.isRequested }
    var pending: [String] = []
    while true {
      Interrupt.reset()
      switch editor.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt) {
      case .endOfFile:
        FileHandleWriter.standardOutput("\n")
        return 0
      case .interrupted:
        FileHandleWriter.standardOutput("\n")
        pending = []
      case .line(let line):
        pending.append(line)
        let text = pending.joined(separator: "\n")
        if session.needsMoreInput(text) { continue }
        pending = []
        guard text.contains(where: { !$0.isWhitespace }) else { continue }
        editor.addHistory(text)  // appends the entry to the history file
        session.settings.terminalWidth = Terminal.width()
        session.settings.terminalHeight = Terminal.height()
        if case .exit(let code) = session.run(text, origin: InputOrigin(file: nil, line: 1)) {
          return code
        }
      }
    }
  }
}
