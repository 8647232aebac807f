extension Session {
  /// Runs a query. Until the pipeline language lands, a query is a table name,
  /// which prints that table.
  func runQuery(_ text: String) throws(Diagnostic) {
    let name = text.trimmed()
    let isName = !name.contains { $0 == " " || $0 == "\t" || $0 == "\n" }
    if isName, let table = catalog[name] {
      show(table, footer: provenance[name].map { ["source: \($0)"] } ?? [])
      return
    }
    let column = text.firstIndex { $0 != " " && $0 != "\t" && $0 != "\n" }
      .map { text.distance(from: text.startIndex, to: $0) + 1 } ?? 1
    guard isName else {
      let firstLine = name.split(separator: "\n").first.map(String.init) ?? name
      throw Diagnostic(
        .error, "only a table name can be run here for now", at: SourceLocation(line: 1, column: column),
        length: firstLine.count, hints: ["the pipeline query language is not built yet; .help lists the commands"])
    }
    var hints: [String] = []
    if catalog.count == 0 {
      hints.append("no tables are loaded yet: try .load FILE as NAME")
    } else {
      hints.append("tables: \(catalog.names.joined(separator: ", "))")
    }
    throw Diagnostic(
      .error, "unknown table '\(name)'", at: SourceLocation(line: 1, column: column),
      length: name.count, hints: hints
    ).suggesting(Suggestion.nearest(to: name, in: catalog.names))
  }
}
