import TrappeBase
import TrappeStorage

extension TableExporter {
  /// An HTML `<table>` for a report: numbers spelled as tables show them in `locale` and
  /// right-aligned, text escaped, NULL as an empty cell, suppressed cells as `<N`; `headers`
  /// (`label`, `format`, `.lang da`) name the columns and fix their decimals as tables do.
  package static func html(
    _ table: Table, locale: NumberLocale, suppressed: SuppressionMask = SuppressionMask(),
    headers: DisplayLabels = DisplayLabels()
  ) -> String {
    var out = "<table>\n<thead><tr>"
    for field in table.schema.fields {
      out += "<th" + (field.type.isNumeric ? " class=\"num\"" : "") + ">" + htmlEscaped(headers.header(for: field.name)) + "</th>"
    }
    out += "</tr></thead>\n<tbody>\n"
    let formatter = CellFormatter(locale: locale)
    let rows = Array(0..<table.rowCount)
    let spelled = zip(table.schema.fields, table.columns).map { field, column in
      headers.texts(column, named: field.name, rows: rows, locale: locale) ?? formatter.format(column, rows: rows)
    }
    for row in rows {
      out += "<tr>"
      for (i, field) in table.schema.fields.enumerated() {
        let text: String
        if suppressed.isSuppressed(column: i, row: row) {
          text = suppressed.placeholder(column: i, row: row)
        } else {
          text = spelled[i][row] ?? ""
        }
        out += "<td" + (field.type.isNumeric ? " class=\"num\"" : "") + ">" + htmlEscaped(text) + "</td>"
      }
      out += "</tr>\n"
    }
    return out + "</tbody>\n</table>\n"
  }

  /// `text` with `&`, `<`, `>` and `"` escaped for HTML text and attribute values.
  package static func htmlEscaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.append(character)
      }
    }
    return out
  }
}

extension Column {
  /// Whether the column holds numbers (spelled by the locale in records and reports).
  var isNumericForLocale: Bool {
    switch self {
    case .int64, .double: return true
    default: return false
    }
  }
}
