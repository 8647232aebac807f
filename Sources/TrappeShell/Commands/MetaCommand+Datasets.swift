import TrappeBase
import TrappeStorage
import TrappeDatasets

extension MetaCommand {
  /// `.datasets [NAME]`: the datasets with their provenance, or one manifest in full.
  static let datasets = MetaCommand(
    name: "datasets", arguments: [.table], usage: ".datasets [NAME]",
    summary: "List the datasets with source, period and terms",
    details: """
      Every dataset is a CSV file with a manifest (docs/datasets.md) and loads the first
      time it is used. kind says whether it holds real figures, reference facts written
      from documents, or illustrative generated data; anything computed from illustrative
      data is marked so under the result. Add your own with --data DIR.
      """,
    example: ".datasets befolkning"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a dataset name")
    if let word = invocation.argument(0) {
      guard let manifest = session.datasets.manifest(word.text) else {
        throw invocation.error("no dataset named '\(word.text)'", at: word)
          .suggesting(Suggestion.nearest(to: word.text, in: session.datasets.names))
      }
      session.say(session.wrappedForTerminal(MetaCommand.describe(manifest)))
      return
    }
    for problem in session.datasets.problems {
      session.notice("warning: " + problem.rendered(color: session.settings.color))
    }
    let all = session.datasets.all
    guard !all.isEmpty else {
      session.say("no datasets found: the built-in ones live in Datasets/; add your own with --data DIR")
      return
    }
    var rows = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    for manifest in all { rows.append(Int64(manifest.rows)) }
    session.show(
      Table([
        ("name", .string(StringColumn(all.map(\.name)))),
        ("kind", .string(StringColumn(all.map(\.kind.rawValue)))),
        ("rows", .int64(rows.finish())),
        ("period", .string(StringColumn(all.map(\.period)))),
        ("source", .string(StringColumn(all.map { $0.cite ?? $0.source }))),
        ("terms", .string(StringColumn(all.map(\.terms)))),
      ]), footer: [".datasets NAME shows one in full"])
  }

  /// A manifest as text for `.datasets NAME`.
  static func describe(_ manifest: DatasetManifest) -> String {
    var lines = [
      "\(manifest.name): \(manifest.title)",
      "",
      "kind:       \(manifest.kind.rawValue)\(manifest.kind == .illustrative ? " (generated; not real results)" : "")",
      "rows:       \(manifest.rows)",
      "period:     \(manifest.period)",
      "source:     \(manifest.source)",
      "cite as:    \(manifest.cite ?? manifest.source)",
      "terms:      \(manifest.terms)",
    ]
    if let definition = manifest.definition { lines.append("definition: \(definition)") }
    for note in manifest.notes { lines.append("note:       \(note)") }
    lines.append("file:       \(manifest.fileName)")
    lines.append("")
    let width = manifest.columns.map(\.name.count).max() ?? 0
    for column in manifest.columns {
      let padded = column.name + String(repeating: " ", count: width - column.name.count)
      let unit = column.unit.map { " [\($0)]" } ?? ""
      lines.append("  \(padded)  \(column.type.name)\(unit): \(column.meaning)")
    }
    return lines.joined(separator: "\n")
  }
}
