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
        return rows.map { c.validity.isValid($0) ? DisplayLabels.fixed(Double(c.values[$0]), places, locale: locale) : nil }
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
        let text = c.dictionary[Int(c.codes[row])]
        return DanishWords.values[text] ?? text
      }
    default:
      return nil
    }
  }

  /// `value` rounded half away from zero to exactly `places` decimals (`12.50`), in `locale`
  /// (`12,50`; Danish groups thousands from 10.000). Non-finite values and magnitudes beyond
  /// 10^15 keep the ordinary formatting.
  package static func fixed(_ value: Double, _ places: Int, locale: NumberLocale) -> String {
    let places = min(max(places, 0), 10)
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
    guard value.isFinite, scaled.magnitude < 1e15 else { return NumberFormatting.format(value, locale: locale) }
    let units = Int64(scaled)
    let negative = units < 0
    let digits = String(units.magnitude)
    let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
    var integer = String(padded.dropLast(places))
    let fraction = String(padded.suffix(places))
    if locale == .danish && integer.count >= 5 {
      var grouped = ""
      for (i, ch) in integer.enumerated() {
        if i > 0 && (integer.count - i) % 3 == 0 { grouped.append(".") }
        grouped.append(ch)
      }
      integer = grouped
    }
    let mark = locale == .danish ? "," : "."
    return (negative && units != 0 ? "-" : "") + integer + (places > 0 ? mark + fraction : "")
  }
}
