import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts
import TrappeDatasets

extension MetaCommand {
  /// `.charset [unicode|ascii]`: which characters charts use.
  static let charset = MetaCommand(
    name: "charset", arguments: [.keyword(["unicode", "ascii"])], usage: ".charset [unicode|ascii]",
    summary: "Show or set the characters charts use",
    details: "unicode draws with blocks and braille; ascii uses only plain characters, for\n"
      + "printers, old projectors and terminals without Unicode fonts.",
    example: ".charset ascii"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "unicode or ascii")
    guard let word = invocation.argument(0) else {
      session.say("charset: \(session.settings.charset.rawValue)")
      return
    }
    let name = try invocation.choice(word, from: ["unicode", "ascii"], what: "charset")
    session.settings.charset = ChartCharset(rawValue: name) ?? .unicode
  }
}
