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
        codes: [UInt32](repeating: 0, count: table.rowCount), dictionary: [notice],
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
      (0..<table.rowCount).allSatisfy({ strings.validity.isValid($0) && strings.dictionary[Int(strings.codes[$0])] == illustrative })
    else { return nil }
    return Table(schema: Schema(Array(table.schema.fields.dropLast())), columns: Array(table.columns.dropLast()))
  }

  /// The label on everything computed from generated (illustrative) data.
  package static let illustrative = "Illustrative data, not real results (generated; see Datasets/README.md)"

  /// The first line of a CSV or TSV file written from illustrative data.
  static let illustrativeLine = Array(("# " + illustrative).utf8)

  /// `text` (a table exported in `format`) with `notice` attached as that format allows.
  static func attach(_ notice: String, to text: String, format: ExportFormat) -> String {
    switch format {
    case .csv, .tsv:
      return "# " + notice + "\n" + text
    case .markdown:
      return text + "\n_" + notice + "_\n"
    case .json:
      var rows = text
      while rows.hasSuffix("\n") { rows.removeLast() }
      return "{\"notice\": " + TableExporter.jsonString(notice) + ", \"rows\": " + rows + "}\n"
    }
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
