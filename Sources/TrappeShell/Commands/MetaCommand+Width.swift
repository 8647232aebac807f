import TrappeBase

extension MetaCommand {
  /// `.width [N|auto]`: shows or sets the width box tables are fitted to.
  static let width = MetaCommand(
    name: "width", arguments: [.keyword(["auto"])], usage: ".width [N|auto]",
    summary: "Show or set the width tables fit (auto: the terminal)",
    example: ".width 60"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a width")
    guard let word = invocation.argument(0) else {
      let auto =
        session.settings.unlimitedWidth
        ? "auto (unlimited: output is not a terminal)" : "auto (\(session.settings.terminalWidth))"
      let current = session.settings.width.map(String.init) ?? auto
      session.say("width: \(current)")
      return
    }
    if word.text.lowercased() == "auto" {
      session.settings.width = nil
      return
    }
    guard let value = Int(word.text), (20...10_000).contains(value) else {
      throw invocation.error("width must be a number from 20 to 10000, or auto", at: word)
    }
    session.settings.width = value
  }
}
