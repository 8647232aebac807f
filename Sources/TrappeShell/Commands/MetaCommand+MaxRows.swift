import TrappeBase

extension MetaCommand {
  /// `.maxrows [N|all]`: shows or sets how many rows a box table shows.
  static let maxrows = MetaCommand(
    name: "maxrows", arguments: [.keyword(["all"])], usage: ".maxrows [N|all]",
    summary: "Show or set how many rows a table shows",
    example: ".maxrows 10"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a row count")
    guard let word = invocation.argument(0) else {
      let current = session.settings.maxRows
      session.say("maxrows: \(current == 0 ? "all" : String(current))")
      return
    }
    if word.text.lowercased() == "all" {
      session.settings.maxRows = 0
      return
    }
    guard let value = Int(word.text), value >= 2 else {
      throw invocation.error("maxrows must be a number of at least 2, or all", at: word)
    }
    session.settings.maxRows = value
  }
}
