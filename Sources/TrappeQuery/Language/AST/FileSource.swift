/// `parquet("PATH")` or `csv("PATH")` as a pipeline's source: files an attached engine reads
/// (the path may hold `*`). The pipeline's source name is ``name``, which ``parse(_:)`` reads back.
package struct FileSource: Sendable, Equatable {
  /// The formats a source function names.
  package static let formats = ["parquet", "csv"]

  /// `parquet` or `csv`.
  package var format: String
  package var path: String

  package init(format: String, path: String) {
    self.format = format
    self.path = path
  }

  /// The source name: `parquet("data/*.parquet")`, `"` and `\` in the path escaped with `\`.
  package var name: String {
    var escaped = ""
    for c in path {
      if c == "\"" || c == "\\" { escaped.append("\\") }
      escaped.append(c)
    }
    return format + "(\"" + escaped + "\")"
  }

  /// The file source a pipeline's source name spells, if it is one.
  package static func parse(_ name: String) -> FileSource? {
    guard let open = name.firstIndex(of: "("), formats.contains(String(name[..<open])),
      name.hasSuffix("\")"), name[name.index(after: open)...].hasPrefix("\"")
    else { return nil }
    let inner = name[name.index(open, offsetBy: 2)..<name.index(name.endIndex, offsetBy: -2)]
    var path = ""
    var escaping = false
    for c in inner {
      if escaping {
        path.append(c)
        escaping = false
      } else if c == "\\" {
        escaping = true
      } else {
        path.append(c)
      }
    }
    return FileSource(format: String(name[..<open]), path: path)
  }
}
