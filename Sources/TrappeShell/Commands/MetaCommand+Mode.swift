
extension MetaCommand {
  /// `.mode [FORMAT]`: shows or sets the output format.
  static let mode = wordSetting(
    name: "mode", words: OutputFormat.allCases.map(\.rawValue),
    usage: ".mode [box|markdown|csv|tsv|json]",
    summary: "Show or set how results are printed",
    details: "box draws a table fitted to the terminal; markdown, csv, tsv and json print\n"
      + "every row and column, for copying into reports and other tools.",
    example: ".mode markdown", what: "mode",
    current: { $0.format.rawValue },
    choose: { settings, name in settings.format = OutputFormat(rawValue: name) ?? .box })
}
