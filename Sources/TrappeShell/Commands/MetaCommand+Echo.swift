import TrappeBase

extension MetaCommand {
  /// `.echo TEXT`: prints TEXT on standard output, as typed.
  static let echo = MetaCommand(
    name: "echo", usage: ".echo TEXT",
    summary: "Print TEXT on standard output (marks parts of output)",
    details: """
      The rest of the line is printed as typed (after $NAME parameters are replaced),
      on standard output like a result, so a script's output can be split into its
      parts; errors and warnings go to standard error in between.
      """,
    example: ".echo -- part 2 --"
  ) { session, invocation throws(Diagnostic) in
    let characters = Array(invocation.line)
    var start = min(characters.count, invocation.commandWord.column - 1 + invocation.commandWord.length)
    if start < characters.count, characters[start] == " " { start += 1 }
    session.say(String(characters[start...]))
  }
}
