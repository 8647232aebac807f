import TrappeStorage

extension TableExporter {
  /// A GitHub pipe table; numeric columns are right-aligned.
  static func markdown<E: Error>(
    _ table: Table, options: ExportOptions, suppressed: SuppressionMask = SuppressionMask(),
    polling poll: () throws(E) -> Void
  ) throws(E) -> String {
    func cell(_ text: String) -> String {
      var out = ""
      for ch in text.unicodeScalars {
        switch ch {
        case "|": out += "\\|"
        case "\n": out += "<br>"
        case "\r": break
        default: out.unicodeScalars.append(ch)
        }
      }
      return out
    }
    // Labels, decimals and .lang words (``DisplayLabels``): Markdown is read, not loaded back.
    let display = options.headers
    var out = "| " + table.schema.names.map { cell(headerText(display.header(for: $0), options: options)) }.joined(separator: " | ") + " |\n"
    out += "|" + table.schema.fields.map { $0.type.isNumeric ? " ---: |" : " --- |" }.joined() + "\n"
    // In a locale, numbers are spelled as the box table shows them (one grouping rule per column).
    let localized: [[String?]?] = table.columns.map { column in
      guard let locale = options.locale, column.isNumericForLocale else { return nil }
      return CellFormatter(locale: locale).format(column, rows: Array(0..<table.rowCount))
    }
    for row in 0..<table.rowCount {
      if row % pollInterval == 0 { try poll() }
      var cells: [String] = []
      for (i, column) in table.columns.enumerated() {
        if !display.isEmpty, column.isValid(row), !suppressed.isSuppressed(column: i, row: row),
          let text = display.texts(column, named: table.schema.names[i], rows: [row], locale: .plain)?[0]
        {
          cells.append(cell(text))
          continue
        }
        if suppressed.isSuppressed(column: i, row: row) {
          cells.append(cell(suppressed.placeholder(column: i, row: row)))
          continue
        }
        if let spelled = localized[i]?[row] {
          cells.append(cell(spelled))
          continue
        }
        cells.append(column.isValid(row) ? cell(cellText(column, row, options: options)) : "NULL")
      }
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }
}
