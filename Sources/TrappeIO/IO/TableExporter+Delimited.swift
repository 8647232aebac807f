import TrappeStorage

extension TableExporter {
  /// CSV per RFC 4180: fields quoted when they hold the delimiter, a quote, CR or LF.
  static func delimited<E: Error>(
    _ table: Table, delimiter: Character, options: ExportOptions, suppressed: SuppressionMask = SuppressionMask(),
    polling poll: () throws(E) -> Void
  ) throws(E) -> String {
    let delimiterByte = delimiter.asciiValue ?? UInt8(ascii: ",")
    return try lines(table, delimiter: delimiter, options: options, suppressed: suppressed, poll) { text, out in
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
  }

  /// TSV: tab-separated, with backslash escapes for tab, newline, CR and backslash in cells.
  static func tabSeparated<E: Error>(
    _ table: Table, options: ExportOptions, suppressed: SuppressionMask = SuppressionMask(),
    polling poll: () throws(E) -> Void
  ) throws(E) -> String {
    try lines(table, delimiter: "\t", options: options, suppressed: suppressed, poll) { text, out in
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
  }

  /// The header line and one line per row, each field written by `field`; NULL cells stay empty.
  private static func lines<E: Error>(
    _ table: Table, delimiter: Character, options: ExportOptions, suppressed: SuppressionMask,
    _ poll: () throws(E) -> Void, field: (String, inout String) -> Void
  ) throws(E) -> String {
    var out = ""
    for (i, name) in table.schema.names.enumerated() {
      if i > 0 { out.append(delimiter) }
      field(headerText(name, options: options), &out)
    }
    out += "\n"
    for row in 0..<table.rowCount {
      if row % pollInterval == 0 { try poll() }
      for (i, column) in table.columns.enumerated() {
        if i > 0 { out.append(delimiter) }
        if suppressed.isSuppressed(column: i, row: row) {
          field(suppressed.placeholder(column: i, row: row), &out)
        } else if column.isValid(row) {
          field(cellText(column, row, options: options), &out)
        }
      }
      out += "\n"
    }
    return out
  }
}
