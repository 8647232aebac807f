import TrappeBase
import TrappeStorage

/// Turns a ``Table`` into CSV, TSV, JSON or Markdown text.
package enum TableExporter {
  /// The whole table as text in `format`; cells `suppressed` hides are written as its placeholder (`<5`).
  package static func export(
    _ table: Table, format: ExportFormat, options: ExportOptions = ExportOptions(),
    suppressed: SuppressionMask = SuppressionMask()
  ) -> String {
    let text = withoutNotice(table, format: format, options: options, suppressed: suppressed)
    guard let notice = options.notice else { return text }
    return ExportNotice.attach(notice, to: text, format: format)
  }

  /// The table alone, without a notice.
  private static func withoutNotice(
    _ table: Table, format: ExportFormat, options: ExportOptions, suppressed: SuppressionMask
  ) -> String {
    switch format {
    case .csv:
      return delimited(
        table, delimiter: options.decimalComma ? ";" : ",", options: options, suppressed: suppressed)
    case .tsv: return tabSeparated(table, options: options, suppressed: suppressed)
    case .json: return json(table, suppressed: suppressed)
    case .markdown: return markdown(table, options: options, suppressed: suppressed)
    }
  }

  /// A non-null cell as plain text (numbers with the chosen decimal mark).
  static func plainText(_ column: Column, _ row: Int, decimalComma: Bool, display: Bool = false) -> String {
    switch column {
    case .int64(let c): return String(c.values[row])
    case .double(let c):
      let value = c.values[row]
      let text = NumberFormatting.plain(display ? NumberFormatting.displayed(value) : value)
      return decimalComma ? String(text.map { $0 == "." ? "," : $0 }) : text
    case .bool(let c): return c.values[row] ? "true" : "false"
    case .string(let c): return c.dictionary[Int(c.codes[row])]
    case .period(let c): return Period(unit: c.unit, ordinal: c.ordinals[row]).description
    }
  }

  /// Whether a text cell would be read as a formula by a spreadsheet.
  static func looksLikeFormula(_ text: String) -> Bool {
    guard let first = text.utf8.first else { return false }
    switch first {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 9, 13: return true
    default: return false
    }
  }

  /// A cell's text with formula protection applied to string cells.
  static func cellText(_ column: Column, _ row: Int, options: ExportOptions) -> String {
    let text = plainText(column, row, decimalComma: options.decimalComma, display: options.displayPrecision)
    if options.protectFormulas, case .string = column, looksLikeFormula(text) { return "'" + text }
    return text
  }

  /// A column name with the same formula protection as a string cell: a CSV's header is as
  /// untrusted as its data, and a spreadsheet runs `=HYPERLINK(…)` in row 1 just the same.
  static func headerText(_ name: String, options: ExportOptions) -> String {
    options.protectFormulas && looksLikeFormula(name) ? "'" + name : name
  }
}
