import TrappeBase
import TrappeIO
import TrappeStorage

extension DatasetManifest {
  /// The keys a manifest may use, for "did you mean".
  static let keys = [
    "name", "title", "kind", "file", "rows", "source", "cite", "period", "terms", "definition", "note", "decimal", "delimiter",
    "encoding", "column",
  ]

  /// Parses manifest text; `path` names the file in diagnostics and anchors `file:`.
  static func parse(_ text: String, path: String) throws(Diagnostic) -> DatasetManifest {
    var fields: [String: (String, Int)] = [:]
    var notes: [String] = []
    var columns: [ManifestColumn] = []
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func fail(_ message: String, line: Int, column: Int = 1, length: Int = 1, hints: [String] = []) -> Diagnostic {
      Diagnostic(
        .error, message, at: SourceLocation(file: path, line: line, column: column),
        sourceLine: line - 1 < lines.count ? String(lines[line - 1]) : nil, length: length, hints: hints)
    }
    for (index, raw) in lines.enumerated() {
      let number = index + 1
      var line = String(raw)
      if line.hasSuffix("\r") { line.removeLast() }
      let trimmed = line.trimmed()
      if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
      guard let colon = line.firstIndex(of: ":") else {
        throw fail("expected 'key: value'", line: number, length: line.count, hints: ["keys: \(keys.joined(separator: ", "))"])
      }
      let key = String(line[..<colon]).trimmed()
      let value = String(line[line.index(after: colon)...]).trimmed()
      if key.hasPrefix("column ") {
        let name = String(key.dropFirst("column ".count)).trimmed()
        let parts = value.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false).map { String($0).trimmed() }
        guard !name.isEmpty, parts.count == 3 else {
          throw fail(
            "a column line reads 'column NAME: TYPE | UNIT | MEANING'", line: number, length: line.count)
        }
        guard let type = DataType(userName: parts[0]) else {
          let column = line.distance(from: line.startIndex, to: colon) + 2
          throw fail(
            "unknown type '\(parts[0])'", line: number, column: column, length: max(1, parts[0].count),
            hints: ["types: int, double, bool, string, period"]
          ).suggesting(Suggestion.nearest(to: parts[0], in: DataType.allCases.map(\.name)))
        }
        if columns.contains(where: { $0.name == name }) {
          throw fail("column '\(name)' is described twice", line: number, length: line.count)
        }
        columns.append(
          ManifestColumn(name: name, type: type, unit: parts[1] == "-" || parts[1].isEmpty ? nil : parts[1], meaning: parts[2]))
        continue
      }
      guard keys.contains(key) else {
        throw fail("unknown key '\(key)'", line: number, length: max(1, key.count))
          .suggesting(Suggestion.nearest(to: key, in: keys))
      }
      if key == "note" {
        notes.append(value)
      } else {
        if fields[key] != nil { throw fail("'\(key)' is given twice", line: number, length: key.count) }
        fields[key] = (value, number)
      }
    }
    func required(_ key: String) throws(Diagnostic) -> String {
      guard let (value, _) = fields[key], !value.isEmpty else {
        throw Diagnostic(.error, "the manifest has no '\(key):' line", at: SourceLocation(file: path, line: 1, column: 1))
      }
      return value
    }
    let name = try required("name")
    let kindText = try required("kind")
    guard let kind = DatasetKind(rawValue: kindText) else {
      throw fail(
        "unknown kind '\(kindText)'", line: fields["kind"]?.1 ?? 1, hints: ["kinds: real, reference, illustrative"])
    }
    let rowsText = try required("rows")
    guard let rows = Int(rowsText), rows >= 0 else {
      throw fail("rows must be a whole number, not '\(rowsText)'", line: fields["rows"]?.1 ?? 1)
    }
    guard !columns.isEmpty else {
      throw Diagnostic(
        .error, "the manifest describes no columns", at: SourceLocation(file: path, line: 1, column: 1),
        hints: ["add one line per column: column NAME: TYPE | UNIT | MEANING"])
    }
    var decimal = DecimalSeparator.auto
    if let (text, line) = fields["decimal"] {
      switch text.lowercased() {
      case "comma", ",": decimal = .comma
      case "point", "dot", ".": decimal = .point
      default:
        throw fail(
          "decimal must be comma or point, not '\(text)'", line: line,
          hints: ["decimal: comma for numbers written 1,5 (with ; between fields); point for 1.5"])
      }
    }
    var delimiter: UInt8?
    if let (text, line) = fields["delimiter"] {
      switch text.lowercased() {
      case ",", "comma": delimiter = UInt8(ascii: ",")
      case ";", "semicolon": delimiter = UInt8(ascii: ";")
      case "tab", "\\t": delimiter = 9
      case "|", "pipe": delimiter = UInt8(ascii: "|")
      default:
        throw fail("delimiter must be one of , ; tab |, not '\(text)'", line: line)
      }
    }
    var encoding = TextEncoding.auto
    if let (text, line) = fields["encoding"] {
      switch text.lowercased() {
      case "utf8", "utf-8": encoding = .utf8
      case "latin1", "latin-1", "iso-8859-1", "iso8859-1": encoding = .latin1
      case "cp1252", "windows-1252", "win1252": encoding = .windows1252
      case "auto": encoding = .auto
      default:
        throw fail(
          "encoding must be utf8, latin1 or cp1252, not '\(text)'", line: line,
          hints: ["UTF-16 files with a byte order mark are recognised without this key"])
      }
    }
    let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
    let file = try required("file")
    return DatasetManifest(
      name: name, title: try required("title"), kind: kind,
      file: file.hasPrefix("/") || directory.isEmpty ? file : directory + "/" + file, rows: rows,
      source: try required("source"), period: try required("period"), terms: try required("terms"),
      definition: fields["definition"]?.0, cite: fields["cite"]?.0, fileName: file, notes: notes, columns: columns,
      decimal: decimal, delimiter: delimiter, encoding: encoding, path: path)
  }
}
