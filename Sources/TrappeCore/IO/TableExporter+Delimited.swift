extension TableExporter {
  /// CSV per RFC 4180: fields quoted when they hold the delimiter, a quote, CR or LF.
  static func delimited(
    _ table: Table, delimiter: Character, options: ExportOptions, suppressed: SuppressionMask = SuppressionMask()
  ) -> String {
    var out = ""
    let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
    func field(_ text: String) {
      var needsQuotes = false
      for b in text.utf8 where b == delimiterByte || b == 0x22 || b == 10 || b == 13 {
        needsQuotes = true
        break
      }
      if needsQuotes {
        out += "\""
        for ch in text.unicodeScalars {
          if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        out += "\""
      } else {
        out += text
      }
    }
    for (i, name) in table.schema.names.enumerated() {
      if i > 0 { out.append(delimiter) }
      field(name)
    }
    out += "\n"
    for row in 0..<table.rowCount {
      for (i, column) in table.columns.enumerated() {
        if i > 0 { out.append(delimiter) }
        if suppressed.isSuppressed(column: i, row: row) {
          field(suppressed.placeholder)
        } else if column.isValid(row) {
          field(cellText(column, row, options: options))
        }
      }
      out += "\n"
    }
    return out
  }

  /// TSV: tab-separated, with backslash escapes for tab, newline, CR and backslash in cells.
  static func tabSeparated(
    _ table: Table, options: ExportOptions, suppressed: SuppressionMask = SuppressionMask()
  ) -> String {
    var out = ""
    func field(_ text: String) {
      for ch in text.unicodeScalars {
        switch ch {
        case "\t": out += "\\t"
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\\": out += "\\\\"
        default: out.unicodeScalars.append(ch)
        }
      }
    }
    for (i, name) in table.schema.names.enumerated() {
      if i > 0 { out += "\t" }
      field(name)
    }
    out += "\n"
    for row in 0..<table.rowCount {
      for (i, column) in table.columns.enumerated() {
        if i > 0 { out += "\t" }
        if suppressed.isSuppressed(column: i, row: row) {
          field(suppressed.placeholder)
        } else if column.isValid(row) {
          field(cellText(column, row, options: options))
        }
      }
      out += "\n"
    }
    return out
  }
}
