
/// A text format a table can be exported to.
package enum ExportFormat: String, Sendable, Equatable, CaseIterable {
  /// Comma-separated values (RFC 4180), or `;` with a decimal comma.
  case csv
  /// Tab-separated values with `\t`, `\n` escapes inside cells.
  case tsv
  /// A JSON array of objects, one per row.
  case json
  /// A GitHub-flavoured Markdown pipe table.
  case markdown

  /// The format for a file extension (`csv`, `.tsv`, `txt`, `json`, `md`), ignoring case.
  package init?(fileExtension: String) {
    var ext = fileExtension.lowercased()
    if ext.hasPrefix(".") { ext.removeFirst() }
    switch ext {
    case "csv": self = .csv
    case "tsv", "txt", "tab": self = .tsv
    case "json": self = .json
    case "md", "markdown": self = .markdown
    default: return nil
    }
  }

  /// The format a user names (`csv`, `tsv`, `json`, `markdown` or `md`), ignoring case.
  init?(name: String) {
    switch name.lowercased() {
    case "csv": self = .csv
    case "tsv", "tab": self = .tsv
    case "json": self = .json
    case "markdown", "md": self = .markdown
    default: return nil
    }
  }

  /// The format implied by the extension of `path`, if any.
  init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(fileExtension: String(path[path.index(after: dot)...]))
  }
}
