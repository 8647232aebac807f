
extension MetaCommand {
  /// `.timer on|off`: prints how long each command took.
  static let timer = wordSetting(
    name: "timer", words: ["on", "off"], usage: ".timer [on|off]",
    summary: "Show or set timing of every command",
    example: ".timer on", what: "timer setting",
    current: { $0.timer ? "on" : "off" },
    choose: { settings, word in settings.timer = word == "on" })
}
