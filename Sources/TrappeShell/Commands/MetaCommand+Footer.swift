import TrappeBase

extension MetaCommand {
  /// `.footer [full|short|off]`: how much the lines under a result say.
  static let footer = wordSetting(
    name: "footer", words: FooterStyle.allCases.map(\.rawValue),
    usage: ".footer [full|short|off]",
    summary: "Show or set how much the lines under a result say",
    details: "full: the result's name and sources, N and filters, the method notes of its\n"
      + "analyses, suppression and the illustrative label (the shell's default). short: one\n"
      + "line with the label first, the name, sources, N and filters (as records and\n"
      + "reports write it). off: nothing, except that a result from generated data still says\n"
      + "\"Illustrative data, not real results\". .notes prints the full notes of the last result.",
    example: ".footer short", what: "footer style",
    current: { $0.footer.rawValue },
    choose: { settings, name in settings.footer = FooterStyle(rawValue: name) ?? .full })
}
