import TrappeBase
import TrappeStorage

/// The session's display settings for column headers and decimals: `label COLUMN = "…"`,
/// `format COLUMN N` and `.lang da|en`. Display only: queries keep using the column names.
///
/// Scope: session-wide, by column name, so `label value = "Andel i gang (%)"` names the
/// `value` column of every later bench result. A header is the label when one is set, else
/// the `.lang da` word (``DanishWords``), else the name. Tables (``RenderOptions/display``),
/// charts (axis and legend titles), Markdown output and records, and the header row of
/// `.save FILE.xlsx` use it; CSV, TSV and JSON keep the names so they load back the same.
package struct DisplayLabels: Sendable, Equatable {
  /// The language of analysis words.
  package enum Language: String, Sendable, Equatable {
    case en, da
  }

  /// Column name → header text (`label`).
  package var labels: [String: String] = [:]
  /// Column name → decimals shown (`format`).
  package var decimals: [String: Int] = [:]
  /// `.lang`: Danish headers, trend words and ja/nej for analysis output.
  package var language: Language = .en

  /// Creates empty settings: names as they are, English.
  package init() {}

  /// Whether anything changes how a table looks.
  package var isEmpty: Bool { labels.isEmpty && decimals.isEmpty && language == .en }

  /// The header shown for column `name`.
  package func header(for name: String) -> String {
    if let label = labels[name] { return label }
    if language == .da, let word = DanishWords.headers[name] { return word }
    return name
  }

  /// The shown texts of `column` (named `name`) at `rows` when a setting changes them, else nil
  /// (the renderer's own formatting applies): fixed decimals for numbers, ja/nej for booleans,
  /// Danish analysis words under `.lang da`. nil in the array marks NULL.
  package func texts(_ column: Column, named name: String, rows: [Int], locale: NumberLocale) -> [String?]? {
    if let places = decimals[name] {
      switch column {
      case .double(let c):
        return rows.map { c.validity.isValid($0) ? DisplayLabels.fixed(c.values[$0], places, locale: locale) : nil }
      case .int64(let c):
        return rows.map { c.validity.isValid($0) ? DisplayLabels.fixed(Double(c.slot($0)), places, locale: locale) : nil }
      default: break
      }
    }
    guard language == .da else { return nil }
    switch column {
    case .bool(let c):
      return rows.map { c.validity.isValid($0) ? (c.values[$0] ? DanishWords.yes : DanishWords.no) : nil }
    case .string(let c) where DanishWords.valueColumns.contains(name):
      return rows.map { row in
        guard c.validity.isValid(row) else { return nil }
        let text = c.dictionary[c.code(at: row)]
        return DanishWords.values[text] ?? text
      }
    default:
      return nil
    }
  }

  /// `value` with exactly `places` decimals (`12.50`; at most 10), in `locale`, as a table
  /// column shows fixed decimals (``NumberFormatting/format(_:decimals:locale:groupFourDigits:)``:
  /// rounded half away from zero; Danish groups thousands from four digits, `1.234,5`).
  package static func fixed(_ value: Double, _ places: Int, locale: NumberLocale) -> String {
    NumberFormatting.format(value, decimals: min(max(places, 0), 10), locale: locale, groupFourDigits: true)
  }
}
