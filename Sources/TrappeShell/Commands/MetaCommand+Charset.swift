import TrappeCharts

extension MetaCommand {
  /// `.charset [unicode|ascii]`: which characters charts use.
  static let charset = wordSetting(
    name: "charset", words: ["unicode", "ascii"], usage: ".charset [unicode|ascii]",
    summary: "Show or set the characters charts use",
    details: "unicode draws with blocks and braille; ascii uses only plain characters, for\n"
      + "printers, old projectors and terminals without Unicode fonts.",
    example: ".charset ascii", what: "charset",
    current: { $0.charset.rawValue },
    choose: { settings, name in settings.charset = ChartCharset(rawValue: name) ?? .unicode })
}
