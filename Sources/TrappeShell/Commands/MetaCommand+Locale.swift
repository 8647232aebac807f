import TrappeBase

extension MetaCommand {
  /// `.locale [da|en]`: shows or sets how numbers are spelled in tables.
  static let locale = wordSetting(
    name: "locale", words: ["da", "en"], usage: ".locale [da|en]",
    summary: "Show or set number style: da 12.345,6 or en 12345.6",
    details: "Applies to box tables. Exports (.save, csv, json) always use plain numbers\n"
      + "unless .save is given decimal=comma.",
    example: ".locale da", what: "locale",
    current: { $0.locale == .danish ? "da" : "en" },
    choose: { settings, name in settings.locale = name == "da" ? .danish : .plain })
}
