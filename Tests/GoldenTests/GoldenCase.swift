import Glibc
import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

/// One transcript file, and the machinery to replay it.
struct GoldenCase: CustomTestStringConvertible, Sendable {
  let path: String
  let name: String

  var testDescription: String { name }

  /// Every `*.test` file under `Tests/GoldenTests/Cases`, sorted by name.
  static func all() -> [GoldenCase] {
    let base = ProjectRoot.file("Tests/GoldenTests/Cases")
    return ProjectRoot.files(under: base, endingIn: ".test").sorted().map {
      GoldenCase(path: $0, name: String($0.dropFirst(base.count + 1)))
    }
  }

  /// Replays a transcript and returns it with the actual output in place of the expected.
  ///
  /// Hermetic: relative paths resolve from the repository without changing the process's
  /// directory, and the files a case writes to `/tmp/trappe-golden/` go to a folder of its own
  /// (the transcript still shows `/tmp/trappe-golden`), so cases running side by side, in this
  /// process or another checkout's, never see each other's files.
  static func run(_ transcript: String) -> String {
    let scratch = ScratchDirectory()
    defer { scratch.remove() }
    var settings = SessionSettings()
    settings.terminalWidth = 80
    let captured = CapturedSession(settings: settings)
    let session = captured.session
    var result = ""
    var lines = transcript.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    let isInput: (String) -> Bool = { $0.hasPrefix("> ") || $0 == ">" }
    var index = 0
    while index < lines.count, !isInput(lines[index]) {
      result += lines[index] + "\n"  // header comments
      index += 1
    }
    while index < lines.count {
      // One statement: an input line plus the input lines that continue it.
      var inputs = [String(lines[index].dropFirst(2))]
      index += 1
      while index < lines.count, isInput(lines[index]) {
        let next = String(lines[index].dropFirst(2))
        // Only a line starting with '|' continues a statement here, so that
        // incomplete input (a trailing '==' or '(') can be shown failing on its own.
        guard next.trimmed().hasPrefix("|") else { break }
        inputs.append(next)
        index += 1
      }
      while index < lines.count, !isInput(lines[index]) { index += 1 }
      var feed = inputs.map { $0.replacing(ScratchDirectory.shown, with: scratch.path) }.makeIterator()
      _ = ScriptRunner(session: session, file: nil, keepGoing: true).run { feed.next() }
      result += inputs.map { "> " + $0 + "\n" }.joined()
      result += normalise(captured.take().replacing(scratch.path, with: ScratchDirectory.shown))
    }
    return result
  }

  /// Masks what differs between runs: timings, the process's memory and the memory budget.
  static func normalise(_ output: String) -> String {
    output.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      if line.hasPrefix("Run Time (s):") { return "Run Time (s): real N user N sys N" }
      if line.hasPrefix("process resident memory:") { return "process resident memory: N MiB" }
      if line.hasPrefix("memory budget:") || line.contains(" would need about ") {
        return String(line).replacing(/[0-9.]+ [KMGTPE]?i?B/, with: "N")
      }
      return String(line)
    }.joined(separator: "\n")
  }

  /// A short line diff for the failure message.
  static func diff(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out = ""
    for i in 0..<max(a.count, b.count) {
      let x = i < a.count ? String(a[i]) : "<missing>"
      let y = i < b.count ? String(b[i]) : "<missing>"
      if x != y { out += "line \(i + 1):\n- \(x)\n+ \(y)\n" }
    }
    return out
  }
}
