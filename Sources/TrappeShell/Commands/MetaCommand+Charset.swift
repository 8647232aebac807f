import TrappeCharts

extension MetaCommand {
  /// `.charset [unicode|ascii]`: which characters tables, footers and charts use.
  static let charset = wordSetting(
    name: "charset", words: ["unicode", "ascii"], usage: ".charset [unicode|ascii]",
    summary: "Show or set the characters tables and charts use",
    details: "unicode draws with box lines, blocks and braille; ascii uses only plain characters\n"
      + "(+-| table borders, ... for cut text, - and <- in footers), for printers, old\n"
      + "projectors and terminals without Unicode fonts.",
    example: ".charset ascii", what: "charset",
    current: { $0.charset.rawValue },
    choose: { settings, name in settings.charset = ChartCharset(rawValue: name) ?? .unicode })
}
