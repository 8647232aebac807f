import TrappeIO
import TrappeDatasets

/// A script cut into steps for `trappe --present`: each step's title, command and output.
///
/// The title is the comment block just above the command. All steps are run
/// once, in order, in a fresh session, so stepping back shows the same output.
package struct Presentation: Sendable {
  /// One step of a presentation.
  package struct Step: Sendable, Equatable {
    var title: String
    var command: String
    var output: String
  }

  package private(set) var steps: [Step] = []

  /// Runs the script's statements and keeps each one's output, formatted for `width` columns.
  package init(script text: String, name: String, parameters: [String: String], datasets: DatasetRegistry, width: Int) {
    let buffer = ReplayBuffer()
    var settings = SessionSettings()
    settings.terminalWidth = width
    // A slide has room for one footer line: the label, sources, N and filters (.notes has the rest).
    settings.footer = .short
    let session = Session(
      settings: settings, output: SessionOutput(standard: { buffer.add($0) }, error: { buffer.add($0) }),
      datasets: datasets)
    session.parameters = parameters
    session.scriptDirectories.append(Session.directory(of: expandHome(name)))
    var consumed = 0
    for (title, command) in Presentation.split(text) {
      _ = session.run(command)
      let all = buffer.text
      let output = String(all.dropFirst(consumed))
      consumed = all.count
      steps.append(Step(title: title, command: command, output: output))
    }
  }

  /// The statements of a script with the comment lines above each as its title.
  static func split(_ text: String) -> [(String, String)] {
    var result: [(String, String)] = []
    var comments: [String] = []
    var current: [String] = []
    var title = ""
    func flush() {
      if !current.isEmpty { result.append((title, current.joined(separator: "\n"))) }
      current = []
    }
    for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let line = String(raw)
      let body = line.trimmingLeadingWhitespace()
      if body.hasPrefix("|"), !current.isEmpty {
        current.append(line)
        continue
      }
      flush()
      if body.hasPrefix("--") || body.hasPrefix("#") {
        comments.append(String(body.drop { $0 == "-" || $0 == "#" }).trimmed())
      } else if body.isEmpty {
        if !comments.isEmpty { comments.append("") }
      } else {
        title = comments.split(separator: "").last.map { $0.joined(separator: " ") } ?? ""
        comments = []
        current = [line]
      }
    }
    flush()
    return result
  }

  /// The screen for step `index`: title, command, output cut to `height` lines, and the keys.
  package func screen(_ index: Int, height: Int, width: Int) -> String {
    guard steps.indices.contains(index) else { return "" }
    let step = steps[index]
    var lines = ["Step \(index + 1)/\(steps.count)" + (step.title.isEmpty ? "" : ": " + step.title)]
    lines += step.command.split(separator: "\n").map { "trappe> " + $0 }
    lines.append("")
    var output = step.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if output.last == "" { output.removeLast() }
    let room = max(1, height - lines.count - 2)
    if output.count > room {
      output = Array(output.prefix(room - 1)) + ["… \(output.count - room + 1) more lines (widen the window or use .maxrows)"]
    }
    lines += output
    while lines.count < height - 1 { lines.append("") }
    lines.append("Enter/Space: next   b: back   q: quit")
    return lines.map { TerminalText.truncate($0, to: width) }.joined(separator: "\n")
  }
}
