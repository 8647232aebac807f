import TrappeBase
import TrappeStorage

extension TableExporter {
  /// A JSON array with one object per row, keys in column order; suppressed cells are strings (`"<5"`).
  static func json<E: Error>(
    _ table: Table, suppressed: SuppressionMask = SuppressionMask(), polling poll: () throws(E) -> Void
  ) throws(E) -> [UInt8] {
    guard table.rowCount > 0 else { return Array("[]\n".utf8) }
    let keys = table.schema.names.map { Array(jsonString($0).utf8) + Array(": ".utf8) }
    var cells = table.columns.map {
      ExportCells(
        $0, escape: { Array(jsonString($0).utf8) }, protectFormulas: false, decimalComma: false, display: false,
        nonFiniteAsNull: true)
    }
    let open = Array("  {".utf8)
    let separator = Array(", ".utf8)
    let close = Array("},\n".utf8)
    let masked = !suppressed.isEmpty
    var out = Array("[\n".utf8)
    out.reserveCapacity(table.rowCount * (table.columns.count * 16 + 6))
    for row in 0..<table.rowCount {
      if row % pollInterval == 0 { try poll() }
      out += open
      for i in cells.indices {
        if i > 0 { out += separator }
        out += keys[i]
        if masked && suppressed.isSuppressed(column: i, row: row) {
          out += jsonString(suppressed.placeholder(column: i, row: row)).utf8
        } else {
          cells[i].append(row: row, null: ExportCells.nullBytes, to: &out)
        }
      }
      out += close
    }
    // The last object takes no comma.
    out.removeLast(2)
    out += Array("\n]\n".utf8)
    return out
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
