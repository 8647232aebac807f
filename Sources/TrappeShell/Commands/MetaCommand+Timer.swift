import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts
import TrappeDatasets

extension MetaCommand {
  /// `.timer on|off`: prints how long each command took.
  static let timer = MetaCommand(
    name: "timer", arguments: [.keyword(["on", "off"])], usage: ".timer [on|off]",
    summary: "Show or set timing of every command",
    example: ".timer on"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "on or off")
    guard let word = invocation.argument(0) else {
      session.say("timer: \(session.settings.timer ? "on" : "off")")
      return
    }
    session.settings.timer = try invocation.choice(word, from: ["on", "off"], what: "timer setting") == "on"
  }
}
