import TrappeBase
import TrappeStorage

extension TableExporter {
  /// A JSON array with one object per row, keys in column order; suppressed cells are strings (`"<5"`).
  static func json<E: Error>(
    _ table: Table, suppressed: SuppressionMask = SuppressionMask(), polling poll: () throws(E) -> Void
  ) throws(E) -> String {
    let keys = table.schema.names.map(jsonString)
    guard table.rowCount > 0 else { return "[]\n" }
    var out = "[\n"
    for row in 0..<table.rowCount {
      if row % pollInterval == 0 { try poll() }
      out += "  {"
      for (i, column) in table.columns.enumerated() {
        if i > 0 { out += ", " }
        out += keys[i]
        out += ": "
        out +=
          suppressed.isSuppressed(column: i, row: row)
          ? jsonString(suppressed.placeholder(column: i, row: row)) : jsonValue(column, row)
      }
      out += row + 1 < table.rowCount ? "},\n" : "}\n"
    }
    out += "]\n"
    return out
  }

  /// A cell as a JSON value: numbers bare, non-finite doubles and NULL as `null`.
  static func jsonValue(_ column: Column, _ row: Int) -> String {
    guard column.isValid(row) else { return "null" }
    switch column {
    case .int64(let c): return String(c.slot(row))
    case .double(let c):
      let value = c.values[row]
      return value.isFinite ? NumberFormatting.plain(value) : "null"
    case .bool(let c): return c.values[row] ? "true" : "false"
    case .string, .period: return jsonString(plainText(column, row, decimalComma: false))
    }
  }

  /// A JSON string literal: quotes, backslashes and control characters escaped, and U+2028/U+2029
  /// too (JavaScript reads them as line ends), so it stays on one line. The engine bridge's
  /// requests use it as well.
  package static func jsonString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029 {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
    return out
  }
}
