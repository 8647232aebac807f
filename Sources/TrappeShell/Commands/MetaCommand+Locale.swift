import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts
import TrappeDatasets

extension MetaCommand {
  /// `.locale [da|en]`: shows or sets how numbers are spelled in tables.
  static let locale = MetaCommand(
    name: "locale", arguments: [.keyword(["da", "en"])], usage: ".locale [da|en]",
    summary: "Show or set number style: da 12.345,6 or en 12345.6",
    details: "Applies to box tables. Exports (.save, csv, json) always use plain numbers\n"
      + "unless .save is given decimal=comma.",
    example: ".locale da"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a locale")
    guard let word = invocation.argument(0) else {
      session.say("locale: \(session.settings.locale == .danish ? "da" : "en")")
      return
    }
    let name = try invocation.choice(word, from: ["da", "en"], what: "locale")
    session.settings.locale = name == "da" ? .danish : .plain
  }
}
