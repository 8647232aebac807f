import TrappeStorage

extension TableExporter {
  /// CSV per RFC 4180: fields quoted when they hold the delimiter, a quote, CR or LF.
  static func delimited<E: Error>(
    _ table: Table, delimiter: UInt8, options: ExportOptions, suppressed: SuppressionMask = SuppressionMask(),
    polling poll: () throws(E) -> Void
  ) throws(E) -> [UInt8] {
    try lines(table, delimiter: delimiter, options: options, suppressed: suppressed, poll) { text in
      var needsQuotes = false
      for b in text.utf8 where b == delimiter || b == 0x22 || b == 10 || b == 13 {
        needsQuotes = true
        break
      }
      guard needsQuotes else { return Array(text.utf8) }
      var out: [UInt8] = [0x22]
      for b in text.utf8 {
        out.append(b)
        if b == 0x22 { out.append(0x22) }
      }
      out.append(0x22)
      return out
    }
  }

  /// TSV: tab-separated, with backslash escapes for tab, newline, CR and backslash in cells.
  static func tabSeparated<E: Error>(
    _ table: Table, options: ExportOptions, suppressed: SuppressionMask = SuppressionMask(),
    polling poll: () throws(E) -> Void
  ) throws(E) -> [UInt8] {
    try lines(table, delimiter: UInt8(ascii: "\t"), options: options, suppressed: suppressed, poll) { text in
      var out: [UInt8] = []
      out.reserveCapacity(text.utf8.count)
      for b in text.utf8 {
        switch b {
        case UInt8(ascii: "\t"): out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
        case UInt8(ascii: "\n"): out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
        case UInt8(ascii: "\r"): out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
        case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
        default: out.append(b)
        }
      }
      return out
    }
  }

  /// The header line and one line per row, each text field escaped by `escape`; NULL cells stay empty.
  private static func lines<E: Error>(
    _ table: Table, delimiter: UInt8, options: ExportOptions, suppressed: SuppressionMask,
    _ poll: () throws(E) -> Void, escape: @escaping (String) -> [UInt8]
  ) throws(E) -> [UInt8] {
    var out: [UInt8] = []
    for (i, name) in table.schema.names.enumerated() {
      if i > 0 { out.append(delimiter) }
      out += escape(headerText(name, options: options))
    }
    out.append(10)
    var cells = table.columns.map {
      ExportCells(
        $0, escape: escape, protectFormulas: options.protectFormulas, decimalComma: options.decimalComma,
        display: options.displayPrecision, nonFiniteAsNull: false)
    }
    out.reserveCapacity(out.count + table.rowCount * (table.columns.count * 6 + 1))
    let masked = !suppressed.isEmpty
    for row in 0..<table.rowCount {
      if row % pollInterval == 0 { try poll() }
      for i in cells.indices {
        if i > 0 { out.append(delimiter) }
        if masked && suppressed.isSuppressed(column: i, row: row) {
          out += escape(suppressed.placeholder(column: i, row: row))
        } else {
          cells[i].append(row: row, null: [], to: &out)
        }
      }
      out.append(10)
    }
    return out
  }
}
