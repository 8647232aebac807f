import TrappeBase
import TrappeQuery
import TrappeAnalysis
import TrappeCharts

extension MetaCommand {
  /// `.help [COMMAND]`: lists the commands, or explains one.
  static let help = MetaCommand(
    name: "help", arguments: [.command], usage: ".help [COMMAND]",
    summary: "List the commands, or show how to use one",
    details: "Without an argument, lists every command with its synopsis. With a command name\n"
      + "(with or without the dot), shows its synopsis, what it does and an example.",
    example: ".help load"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a command name")
    guard let word = invocation.argument(0) else {
      session.say(MetaCommand.overview())
      return
    }
    if let topic = MetaCommand.languageTopic(word.text) {
      session.say(topic)
      return
    }
    let dotted = word.text.hasPrefix(".") ? word : CommandWord(text: "." + word.text, column: word.column, length: word.length)
    let command: MetaCommand
    do throws(Diagnostic) {
      command = try MetaCommand.lookup(dotted, line: invocation.line)
    } catch {
      let names = MetaCommand.all.map(\.name) + LanguageEntry.all.map(\.name) + ["stages", "functions", "analyses"]
      throw invocation.error(
        "no help for '\(word.text)'", at: word, hints: ["try .help, .help stages, .help functions or .help analyses"]
      ).suggesting(MetaCommand.closeTopic(word.text, in: names))
    }
    session.say(command.manual())
  }

  /// The topic `.help WORD` most likely meant: a near spelling, but for a word of four
  /// letters or fewer only one edit away (so `.help foo` does not suggest `from`).
  static func closeTopic(_ word: String, in names: [String]) -> String? {
    let lowered = word.lowercased()
    guard let nearest = Suggestion.nearest(to: lowered, in: names) else { return nil }
    if lowered.count > 4 || nearest.hasPrefix(lowered) { return nearest }
    return Suggestion.editDistance(Array(lowered), Array(nearest.lowercased())) <= 1 ? nearest : nil
  }

  /// The `.help` listing: one aligned line per command.
  static func overview() -> String {
    let column = 24
    var lines: [String] = []
    for command in all {
      if command.usage.count < column {
        lines.append(command.usage + String(repeating: " ", count: column - command.usage.count) + command.summary)
      } else {
        lines.append(command.usage)
        lines.append(String(repeating: " ", count: column) + command.summary)
      }
    }
    let aliases = all.filter { !$0.aliases.isEmpty }.map { command in
      command.aliases.map { "." + $0 }.joined(separator: " and ") + " = ." + command.name
    }
    lines.append("Also: " + aliases.joined(separator: ", ") + ".")
    lines.append("")
    lines.append("Type .help COMMAND for details and an example.")
    lines.append("Queries: a table name, then stages joined by |, e.g. kommuner | where region == \"Region Sjælland\"")
    lines.append("A line ending with | (or , or an open bracket) goes on at the ...> prompt; a line starting")
    lines.append("with | continues the last query: it runs again with the line added. -- and # start comments.")
    lines.append("Type .help stages, .help functions or .help analyses for the query language.")
    return lines.joined(separator: "\n")
  }

  /// The text `.help COMMAND` prints.
  func manual() -> String {
    var text = "\(usage)\n\n\(summary).\n"
    if !details.isEmpty { text += "\n\(details)\n" }
    if !aliases.isEmpty { text += "\nAlso: \(aliases.map { "." + $0 }.joined(separator: ", "))\n" }
    text += "\nExample:\n  \(example)"
    return text
  }
}

extension MetaCommand {
  /// The help text for a stage, a function, or the topics `stages` and `functions`; nil otherwise.
  static func languageTopic(_ name: String) -> String? {
    let lowered = name.lowercased()
    func listing(_ entries: [LanguageEntry]) -> String {
      let width = max(24, (entries.map(\.syntax.count).max() ?? 0) > 40 ? 24 : 0)
      return entries.map { entry in
        entry.syntax.count < width
          ? entry.syntax + String(repeating: " ", count: width - entry.syntax.count) + entry.summary
          : entry.syntax + "\n" + String(repeating: " ", count: width) + entry.summary
      }.joined(separator: "\n")
    }
    switch lowered {
    case "stages":
      return "Stages (a pipeline is TABLE | stage | stage ...):\n\n" + listing(LanguageEntry.stages)
        + "\n\nType .help STAGE for an example."
    case "chart", "charts":
      return ChartHelp.manual
    case "analyses":
      return "Analyses (as a stage after filters, or on their own on the default table):\n\n"
        + listing(LanguageEntry.analyses) + "\n\nType .help ANALYSIS for an example; .measures lists the measures."
    case "functions":
      return "Functions:\n\n" + listing(LanguageEntry.scalars) + "\n\nAggregates (in summarize, pivot, or with over):\n\n"
        + listing(LanguageEntry.aggregates) + "\n\nWindow functions (in extend):\n\n" + listing(LanguageEntry.windows)
        + "\n\nType .help FUNCTION for an example."
    default:
      let entries = LanguageEntry.all.filter { $0.name == lowered }
      guard !entries.isEmpty, MetaCommand.all.first(where: { $0.name == lowered }) == nil else { return nil }
      return entries.map(\.manual).joined(separator: "\n\n")
    }
  }
}
