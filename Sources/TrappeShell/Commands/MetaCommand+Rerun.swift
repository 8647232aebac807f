import TrappeBase

extension MetaCommand {
  /// `.rerun N`: runs entry N of `.history` again.
  static let rerun = MetaCommand(
    name: "rerun", arguments: [.value], usage: ".rerun N",
    summary: "Run statement N of .history again",
    details: """
      Prints the statement, then runs it as if typed again (with the current settings,
      tables and parameters); it becomes the newest entry of .history. A negative N
      counts from the end: .rerun -1 is the last entry.
      """,
    example: ".rerun 1"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(1...1, naming: "a number from .history")
    guard let word = invocation.argument(0) else { throw invocation.missing("a number from .history") }
    let entries = session.history.entries
    guard !entries.isEmpty else {
      session.notice("nothing to rerun yet: .history numbers the statements typed in the shell that worked")
      return
    }
    guard let number = Int(word.text), number != 0, abs(number) <= entries.count else {
      throw invocation.error(
        "expected a number from 1 to \(entries.count) (see .history), found '\(word.text)'", at: word)
    }
    let statement = entries[number > 0 ? number - 1 : entries.count + number]
    session.notice("rerun: " + statement.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n       "))
    switch session.run(statement, origin: InputOrigin(file: nil, line: 1)) {
    case .success:
      session.history.succeeded(statement, metaCommand: Session.metaCommandName(statement), extending: false)
    case .failure:
      session.history.failed(extending: false)
      var stopped = Diagnostic(.error, "the statement failed again")
      stopped.alreadyReported = true
      throw stopped
    case .exit(let code):
      session.pendingExit = code
    }
  }
}
