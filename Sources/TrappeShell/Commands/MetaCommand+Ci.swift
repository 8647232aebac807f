extension MetaCommand {
  /// `.ci on|off`: 95 % intervals on every analysis that has them, as the `ci` flag of a stage.
  static let ci = wordSetting(
    name: "ci", words: ["on", "off"], usage: ".ci [on|off]",
    summary: "Show or set 95 % intervals on rates (the ci flag)",
    example: ".ci on", what: "interval setting",
    current: { $0.intervals ? "on" : "off" },
    choose: { settings, word in settings.intervals = word == "on" })
}
