import TrappeBase

extension MetaCommand {
  /// `.notes`: the full footer of the last result, whatever `.footer` shows.
  static let notes = MetaCommand(
    name: "notes", arguments: [], usage: ".notes",
    summary: "Print every note on the last result, unshortened",
    details: """
      Every line the analyses wrote about the last result, unshortened: the measure's
      definition, how each column is computed, the peers of each municipality, what was
      left out or suppressed, where the data came from and N. .footer short and off keep
      the lines under a table short; the definitions stay reachable here.
      """,
    example: ".notes"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...0, naming: "nothing")
    guard let footer = session.lastFooter else {
      session.say("no result yet: .notes prints the notes of the last query's result")
      return
    }
    for line in footer.fullText { session.say(line) }
  }
}
