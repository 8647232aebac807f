import TrappeBase
import TrappeStorage

/// Turns a ``Table`` into CSV, TSV, JSON or Markdown text.
package enum TableExporter {
  /// The whole table as text in `format`; cells `suppressed` hides are written as its placeholder (`<5`).
  package static func export(
    _ table: Table, format: ExportFormat, options: ExportOptions = ExportOptions(),
    suppressed: SuppressionMask = SuppressionMask()
  ) -> String {
    export(table, format: format, options: options, suppressed: suppressed, polling: { () throws(Never) in })
  }

  /// ``export(_:format:options:suppressed:)`` that calls `poll` every ``pollInterval`` rows and
  /// stops when it throws: `.save` passes `Interrupt.check`, so Ctrl-C stops a save of millions of rows.
  package static func export<E: Error>(
    _ table: Table, format: ExportFormat, options: ExportOptions = ExportOptions(),
    suppressed: SuppressionMask = SuppressionMask(), polling poll: () throws(E) -> Void
  ) throws(E) -> String {
    if format == .markdown {
      let text = try markdown(table, options: options, suppressed: suppressed, polling: poll)
      guard options.notice != nil || options.source != nil else { return text }
      return ExportNotice.attach(options.notice, source: options.source, to: text, format: format)
    }
    return String(decoding: try exportBytes(table, format: format, options: options, suppressed: suppressed, polling: poll), as: UTF8.self)
  }

  /// The export as UTF-8 bytes, what `.save` writes. CSV, TSV and JSON are written straight as
  /// bytes (``ExportCells``), each distinct string escaped once.
  package static func exportBytes<E: Error>(
    _ table: Table, format: ExportFormat, options: ExportOptions = ExportOptions(),
    suppressed: SuppressionMask = SuppressionMask(), polling poll: () throws(E) -> Void
  ) throws(E) -> [UInt8] {
    let bytes: [UInt8]
    switch format {
    case .csv:
      bytes = try delimited(
        table, delimiter: options.decimalComma ? UInt8(ascii: ";") : UInt8(ascii: ","), options: options,
        suppressed: suppressed, polling: poll)
    case .tsv: bytes = try tabSeparated(table, options: options, suppressed: suppressed, polling: poll)
    case .json: bytes = try json(table, suppressed: suppressed, polling: poll)
    case .markdown: return Array(try export(table, format: format, options: options, suppressed: suppressed, polling: poll).utf8)
    }
    guard options.notice != nil || options.source != nil else { return bytes }
    return Array(
      ExportNotice.attach(options.notice, source: options.source, to: String(decoding: bytes, as: UTF8.self), format: format).utf8)
  }

  /// Rows written between two calls of an export's `poll` (a few ms of work).
  static let pollInterval = 4096

  /// A non-null cell as plain text (numbers with the chosen decimal mark).
  static func plainText(_ column: Column, _ row: Int, decimalComma: Bool, display: Bool = false) -> String {
    switch column {
    case .int64(let c): return String(c.slot(row))
    case .double(let c):
      let value = c.values[row]
      let text = NumberFormatting.plain(display ? NumberFormatting.displayed(value) : value)
      return decimalComma ? String(text.map { $0 == "." ? "," : $0 }) : text
    case .bool(let c): return c.values[row] ? "true" : "false"
    case .string(let c): return c.dictionary[c.code(at: row)]
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
