import TrappeBase
import TrappeIO

/// A notebook-style Markdown record of a session: every command and its output.
///
/// Tables are written as Markdown tables, charts and messages as fenced text
/// blocks. The header names the script, its parameters and the datasets used,
/// each with a content hash, so a reader can tell which data produced it. The
/// file is rewritten atomically after every command; the body has no timestamps.
final class Recording {
  let path: String
  let script: String?
  let parameters: [String: String]
  private var body: [String] = []
  private var pending: [String] = []

  init(path: String, script: String?, parameters: [String: String]) {
    self.path = path
    self.script = script
    self.parameters = parameters
  }

  /// Starts the entry for one command.
  func begin(_ command: String) {
    body.append("```\n> " + command.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n> ") + "\n```\n")
  }

  /// Output text (messages, charts) for the current command.
  func add(text: String) {
    pending.append(text.hasSuffix("\n") ? String(text.dropLast()) : text)
  }

  /// A result table for the current command, with its footer lines.
  func add(table markdown: String, footer: [String]) {
    flushText()
    body.append(markdown.hasSuffix("\n") ? markdown : markdown + "\n")
    if !footer.isEmpty { body.append(footer.map { "*\($0)*" }.joined(separator: "  \n") + "\n") }
  }

  /// Ends the current command's entry.
  func end() {
    flushText()
  }

  private func flushText() {
    guard !pending.isEmpty else { return }
    body.append("```text\n" + pending.joined(separator: "\n") + "\n```\n")
    pending = []
  }

  /// Writes the record: header, then every command's entry.
  func write(datasets: [(name: String, file: String)]) throws(FileError) {
    var header = ["# Trappe record", ""]
    header.append("- script: " + (script.map { "`\($0)`" } ?? "interactive session"))
    if !parameters.isEmpty {
      header.append("- parameters: " + parameters.keys.sorted().map { "`\($0)=\(parameters[$0] ?? "")`" }.joined(separator: ", "))
    }
    if datasets.isEmpty {
      header.append("- datasets: none")
    } else {
      header.append("- datasets:")
      for dataset in datasets {
        let hash = ContentHash.ofFile(dataset.file) ?? "unreadable"
        header.append("  - `\(dataset.name)` (`\(dataset.file.split(separator: "/").last.map(String.init) ?? dataset.file)`, FNV-1a \(hash))")
      }
    }
    header.append("")
    try AtomicFile.write(header.joined(separator: "\n") + "\n" + body.joined(separator: "\n"), to: path)
  }
}
