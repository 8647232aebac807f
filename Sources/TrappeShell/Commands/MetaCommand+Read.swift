import TrappeBase

extension MetaCommand {
  /// `.read FILE`: runs the statements of a script file.
  static let read = MetaCommand(
    name: "read", aliases: ["run"], arguments: [.file, .value], usage: ".read FILE [NAME=VALUE ...]",
    summary: "Run a script file, stopping at its first error",
    details: """
      Lines starting with -- or # are comments, and a line starting with | continues the
      statement above it. NAME=VALUE sets parameters the script uses as $NAME. Paths in a
      script are relative to the script's folder (or to the current folder when the file
      is not there). Errors are reported as FILE:LINE:COLUMN.
      """,
    example: ".read Scripts/example.trp"
  ) { session, invocation throws(Diagnostic) in
    guard let word = invocation.argument(0) else { throw invocation.missing("a script file") }
    for parameter in invocation.arguments.dropFirst() {
      guard let equals = parameter.text.firstIndex(of: "="), equals != parameter.text.startIndex else {
        throw invocation.error(
          "expected NAME=VALUE, found '\(parameter.text)'", at: parameter, hints: ["e.g. .run rapport.trp kommune=Slagelse"])
      }
      session.parameters[String(parameter.text[..<equals])] = String(parameter.text[parameter.text.index(after: equals)...])
    }
    guard session.readDepth < 16 else {
      throw invocation.error("scripts nest more than 16 deep (does a script read itself?)", at: word)
    }
    let source: ScriptSource
    do throws(ScriptSource.ReadError) {
      source = try ScriptSource.read(session.resolvePath(word.text), name: word.text)
    } catch {
      throw invocation.error("cannot read '\(word.text)': \(error.reason)", at: word)
    }
    if let note = source.note { session.notice(note) }
    session.readDepth += 1
    session.scriptDirectories.append(Session.directory(of: session.resolvePath(word.text)))
    defer {
      session.readDepth -= 1
      session.scriptDirectories.removeLast()
    }
    let runner = ScriptRunner(session: session, file: word.text, keepGoing: false)
    var lines = source.lines.makeIterator()
    let status = runner.run { lines.next() }
    if status == .failed {
      var stopped = Diagnostic(.error, "script \(word.text) stopped at its first error")
      stopped.alreadyReported = true
      throw stopped
    }
    if case .exit(let code) = status { session.pendingExit = code }
  }
}
