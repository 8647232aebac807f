extension MetaCommand {
  /// `.read FILE`: runs the statements of a script file.
  static let read = MetaCommand(
    name: "read", arguments: [.file], usage: ".read FILE",
    summary: "Run a script file, stopping at its first error",
    details: "Lines starting with # are comments. A line starting with | continues the\n"
      + "statement above it. Errors are reported as FILE:LINE:COLUMN.",
    example: ".read Scripts/example.trp"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(1...1, naming: "a script file")
    let word = invocation.arguments[0]
    guard session.readDepth < 16 else {
      throw invocation.error("scripts nest more than 16 deep (does a script read itself?)", at: word)
    }
    let text: String
    do throws(SystemError) {
      text = try TextFile.read(expandHome(word.text))
    } catch {
      throw invocation.error("cannot read '\(word.text)': \(error.reason)", at: word)
    }
    session.readDepth += 1
    defer { session.readDepth -= 1 }
    let runner = ScriptRunner(session: session, file: word.text, keepGoing: false)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).makeIterator()
    let status = runner.run { lines.next().map(String.init) }
    if status == .failed {
      var stopped = Diagnostic(.error, "script \(word.text) stopped at its first error")
      stopped.alreadyReported = true
      throw stopped
    }
    if case .exit(let code) = status { session.pendingExit = code }
  }
}
