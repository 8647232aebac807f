/// A notice that travels with exported data, so a table of generated data stays labelled
/// outside the shell: a leading `# NOTICE` line in CSV and TSV (which `.load` recognises),
/// an italic line under a Markdown table, and a `notice` field beside the rows in JSON.
package enum ExportNotice {
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
