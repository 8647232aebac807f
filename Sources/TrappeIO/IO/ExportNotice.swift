import TrappeStorage

/// A notice that travels with exported data, so a table of generated data stays labelled
/// outside the shell: a last column `data_notice` holding the label on every row in CSV and
/// TSV (``labelled(_:notice:)``; `.load` drops it again and marks the table illustrative), an
/// italic line under a Markdown table, and a `notice` field beside the rows in JSON.
///
/// CSV has no comment syntax its readers agree on: a leading `# …` line (what `.save` wrote
/// before) is read as the header by DuckDB, pandas and Excel, so every column came back as
/// text under the wrong names. A column is plain CSV for every reader and stays on each row
/// when the rows are filtered or copied elsewhere. Files with the old line still load.
package enum ExportNotice {
  /// The name of the column holding the label in CSV and TSV files.
  package static let columnName = "data_notice"

  /// `table` with a last column ``columnName`` holding `notice` on every row.
  package static func labelled(_ table: Table, notice: String) -> Table {
    let column = Column.string(
      StringColumn(
        storage: .zeros(table.rowCount, entries: 1), dictionary: [notice],
        validity: ValidityMask(allValid: table.rowCount)))
    return Table(
      schema: Schema(table.schema.fields + [Field(name: columnName, type: .string)]),
      columns: table.columns + [column])
  }

  /// `table` without its last column when that is a ``columnName`` column holding the
  /// illustrative label on every row (a file `.save` wrote from generated data), else nil.
  package static func unlabelled(_ table: Table) -> Table? {
    guard let last = table.schema.fields.last, last.name == columnName, table.rowCount > 0,
      case .string(let strings)? = table.columns.last,
      (0..<table.rowCount).allSatisfy({ strings.validity.isValid($0) && strings.dictionary[strings.code(at: $0)] == illustrative })
    else { return nil }
    return Table(schema: Schema(Array(table.schema.fields.dropLast())), columns: Array(table.columns.dropLast()))
  }

  /// The label on everything computed from generated (illustrative) data.
  package static let illustrative = "Illustrative data, not real results (generated; see Datasets/README.md)"

  /// The first line of a CSV or TSV file written from illustrative data.
  static let illustrativeLine = Array(("# " + illustrative).utf8)

  /// `text` (a table exported in `format`) with `notice` and the provenance `source` attached as
  /// that format allows: in Markdown italic lines under the table (the label last), in JSON
  /// "notice" and "source" fields beside "rows"; CSV and TSV carry the label as a column
  /// (``labelled(_:notice:)``, by the caller) and a first `# ` line only from callers that ask.
  static func attach(_ notice: String?, source: String?, to text: String, format: ExportFormat) -> String {
    switch format {
    case .csv, .tsv:
      return notice.map { "# " + $0 + "\n" } .map { $0 + text } ?? text
    case .markdown:
      var out = text
      if let source { out += "\n*source: " + markdownEscaped(source) + "*\n" }
      if let notice { out += "\n_" + notice + "_\n" }
      return out
    case .json:
      var rows = text
      while rows.hasSuffix("\n") { rows.removeLast() }
      var out = "{"
      if let notice { out += "\"notice\": " + TableExporter.jsonString(notice) + ", " }
      out += "\"rows\": " + rows
      if let source { out += ", \"source\": " + TableExporter.jsonString(source) }
      return out + "}\n"
    }
  }

  /// `text` with the characters Markdown reads as emphasis or markup escaped.
  package static func markdownEscaped(_ text: String) -> String {
    var out = ""
    for character in text {
      if "*_`|<>[]\\".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }

  /// The offset just past the illustrative line when `bytes` start with it at `start`
  /// (followed by a line break), else nil.
  static func endOfIllustrativeLine(in bytes: [UInt8], from start: Int) -> Int? {
    let line = illustrativeLine
    guard bytes.count >= start + line.count, bytes[start..<start + line.count].elementsEqual(line) else {
      return nil
    }
    var end = start + line.count
    if end < bytes.count && bytes[end] == 13 { end += 1 }
    guard end < bytes.count, bytes[end] == 10 else { return nil }
    return end + 1
  }
}
