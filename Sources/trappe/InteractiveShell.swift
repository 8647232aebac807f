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
/// one history entry and runs it. A statement that starts with `|` continues the
/// last query (``Session/runInteractive(_:)``); when lines are pasted, a complete
/// statement waits for the next pasted line, and runs once with it when it starts
/// with `|`. Ctrl-C abandons the line being typed, or stops a running command;
/// Ctrl-D on an empty line leaves.
struct InteractiveShell {
  let session: Session
  let historyPath: String?
  /// Whether to run `~/.trapperc` before the first prompt.
  let runRCFile: Bool

  /// The prompt for the first line of a statement.
  static let prompt = "trappe> "
  /// The prompt for further lines of an unfinished statement (same width).
  static let continuationPrompt = "   ...> "
  /// The line printed when the shell starts.
  static let banner = LaunchOptions.versionString + " — .help for help, .datasets for data\n"

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
    FileHandleWriter.standardOutput(Self.banner)
    var pending: [String] = []
    // A complete statement held back because more pasted input was waiting.
    var held: String?
    func runStatement(_ text: String) -> Int32? {
      editor.addHistory(text)  // appends the entry to the history file
      session.settings.terminalWidth = Terminal.width()
      session.settings.terminalHeight = Terminal.height()
      let outcome = session.runInteractive(text)
      if case .exit(let code) = outcome { return code }
      if case .success = outcome, let last = session.history.lastQuery, last != text, last.hasSuffix(text) {
        editor.addHistory(last)  // Up recalls the continued query whole
      }
      return nil
    }
    while true {
      Interrupt.reset()
      let prompt = pending.isEmpty && held == nil ? Self.prompt : Self.continuationPrompt
      switch editor.readLine(prompt: prompt) {
      case .endOfFile:
        if let text = held, let code = runStatement(text) { return code }
        FileHandleWriter.standardOutput("\n")
        return 0
      case .interrupted:
        FileHandleWriter.standardOutput("\n")
        pending = []
        held = nil
      case .line(let line):
        if let text = held {
          held = nil
          if line.trimmingLeadingWhitespace().hasPrefix("|") {
            pending = [text]
          } else if let code = runStatement(text) {
            return code
          }
        }
        pending.append(line)
        let text = pending.joined(separator: "\n")
        if session.needsMoreInput(text) { continue }
        pending = []
        guard text.contains(where: { !$0.isWhitespace }) else { continue }
        if !text.trimmingLeadingWhitespace().hasPrefix("."), Self.inputIsWaiting() {
          held = text  // pasted: the next line may continue it with |
          continue
        }
        if let code = runStatement(text) { return code }
      }
    }
  }

  /// Whether more input arrives on stdin within 15 ms: lines pasted together, not typed.
  static func inputIsWaiting() -> Bool {
    var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
    return poll(&descriptor, 1, 15) > 0 && descriptor.revents & Int16(POLLIN) != 0
  }
}
