import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts
import TrappeDatasets

extension MetaCommand {
  /// `.mode [FORMAT]`: shows or sets the output format.
  static let mode = MetaCommand(
    name: "mode", arguments: [.keyword(OutputFormat.allCases.map(\.rawValue))],
    usage: ".mode [box|markdown|csv|tsv|json]",
    summary: "Show or set how results are printed",
    details: "box draws a table fitted to the terminal; markdown, csv, tsv and json print\n"
      + "every row and column, for copying into reports and other tools.",
    example: ".mode markdown"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a format")
    guard let word = invocation.argument(0) else {
      session.say("mode: \(session.settings.format.rawValue)")
      return
    }
    let name = try invocation.choice(
      word, from: OutputFormat.allCases.map(\.rawValue), what: "mode")
    session.settings.format = OutputFormat(rawValue: name) ?? .box
  }
}
