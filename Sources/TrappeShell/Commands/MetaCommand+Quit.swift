import TrappeBase

extension MetaCommand {
  /// `.quit [CODE]`: leaves the shell.
  static let quit = MetaCommand(
    name: "quit", aliases: ["exit", "q"], usage: ".quit [CODE]",
    summary: "Leave the shell (as Ctrl-D does), with an exit status",
    example: ".quit"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "an exit status")
    var code: Int32 = 0
    if let word = invocation.argument(0) {
      guard let value = Int32(word.text), (0...255).contains(value) else {
        throw invocation.error("exit status must be a number from 0 to 255", at: word)
      }
      code = value
    }
    session.pendingExit = code
  }
}
