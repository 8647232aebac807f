import TrappeBase
import TrappeIO

extension MetaCommand {
  /// `.lang [da|en]`: Danish or English display words for analysis output.
  static let lang = wordSetting(
    name: "lang", words: ["da", "en"], usage: ".lang [da|en]",
    summary: "Show or set analysis words: da værdi/ja, en value/true",
    details: langDetails,
    example: ".lang da", what: "language",
    current: { $0.display.language.rawValue },
    choose: { settings, name in settings.display.language = name == "da" ? .da : .en })

  /// The help text of `.lang`, with the whole word list from ``DanishWords``.
  static var langDetails: String {
    let headers = DanishWords.headers.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }
    let values = DanishWords.values.sorted { $0.key < $1.key }.map { "\($0.key) → \($0.value)" }
    /// `items` joined by ", " in lines of at most 78 columns, indented by two spaces.
    func wrapped(_ items: [String]) -> String {
      var lines: [String] = []
      var line = ""
      for item in items {
        if !line.isEmpty && line.count + item.count + 2 > 76 {
          lines.append("  " + line + ",")
          line = ""
        }
        line += (line.isEmpty ? "" : ", ") + item
      }
      if !line.isEmpty { lines.append("  " + line) }
      return lines.joined(separator: "\n")
    }
    return """
      Display only: column headers of analysis output in tables, charts, Markdown and
      records, and in the header row of .save FILE.xlsx; queries keep the English names
      (| where value > 10), and CSV, TSV and JSON keep names and values as they are. A
      label (label COLUMN = "…") wins over these words. Numbers follow .locale, not .lang.
      Headers:
      \(wrapped(headers))
      Words in the columns \(DanishWords.valueColumns.sorted().joined(separator: " and ")):
      \(wrapped(values))
      Booleans: true → \(DanishWords.yes), false → \(DanishWords.no).
      """
  }
}
