import TrappeBase
import TrappeIO
import TrappeDatasets

/// `trappe --check SCRIPT`: replays a script and compares its output with `SCRIPT.expected`.
///
/// The replay is made deterministic: a fresh session, width 80, no colour, no
/// timer, the given parameters. `RECORD_EXPECTED=1` writes the expected file and fails.
enum ScriptCheck {
  /// Runs the check and returns the exit status: 0 when the output matches, 1 otherwise.
  static func run(
    script: String, parameters: [String: String], datasets: DatasetRegistry, keepGoing: Bool,
    report: (String) -> Void
  ) -> Int32 {
    let source: ScriptSource
    do throws(ScriptSource.ReadError) {
      source = try ScriptSource.read(expandHome(script), name: script)
    } catch {
      report("trappe: cannot read script '\(script)': \(error.reason)\n")
      return 1
    }
    if let note = source.note { report(note) }
    // A script that needs parameters says which in a `-- check with: NAME=VALUE ...` line;
    // they are used when none are given on the command line.
    var parameters = parameters
    if parameters.isEmpty, let given = checkParameters(in: source.text) {
      parameters = given
      report("using the script's parameters: " + given.keys.sorted().map { "\($0)=\(given[$0] ?? "")" }.joined(separator: " ") + "\n")
    }
    let (actual, failures) = replayReporting(
      source.text, name: script, parameters: parameters, datasets: datasets, keepGoing: keepGoing)
    let expectedPath = script + ".expected"
    if Environment.value("RECORD_EXPECTED") == "1" {
      // Recording always fails, as a snapshot test does: the new file is reviewed and the
      // check re-run without RECORD_EXPECTED, so a test run with it set can never pass.
      let previous = try? TextFile.read(expectedPath)
      do throws(FileError) {
        try AtomicFile.write(actual, to: expectedPath)
      } catch {
        report(error.diagnostic.rendered())
        return 1
      }
      report(
        "recorded \(expectedPath)" + (previous == actual ? " (unchanged)" : " (changed: review the diff)")
          + "; failing because RECORD_EXPECTED=1 is set, re-run without it to pass\n")
      return 1
    }
    guard let expected = try? TextFile.read(expectedPath) else {
      report("trappe: \(expectedPath) does not exist; record it with RECORD_EXPECTED=1 trappe --check \(script)\n")
      return 1
    }
    let diff = LineDiff.unified(expected, actual, oldName: expectedPath, newName: "\(script) (now)")
    if diff.isEmpty {
      report("ok: \(script) matches \(expectedPath)\n")
      return 0
    }
    // The error that stopped the script first: it usually explains the whole diff.
    for failure in failures {
      report("the script failed: " + failure.rendered())
    }
    report(diff)
    report("FAILED: \(script) no longer matches \(expectedPath)\n")
    return 1
  }

  /// The parameters of the script's first `-- check with: NAME=VALUE ...` line, if it has one.
  static func checkParameters(in text: String) -> [String: String]? {
    for line in ScriptSource.splitLines(text) {
      let body = line.trimmingLeadingWhitespace()
      guard body.hasPrefix("--") else { continue }
      let comment = String(body.dropFirst(2)).trimmingLeadingWhitespace()
      guard comment.lowercased().hasPrefix("check with:") else { continue }
      var parameters: [String: String] = [:]
      for word in comment.dropFirst("check with:".count).split(separator: " ") {
        guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { continue }
        parameters[String(word[..<equals])] = String(word[word.index(after: equals)...])
      }
      return parameters.isEmpty ? nil : parameters
    }
    return nil
  }

  /// The output of `text` in a fresh, deterministic session (results and diagnostics interleaved).
  static func replay(
    _ text: String, name: String, parameters: [String: String], datasets: DatasetRegistry, keepGoing: Bool
  ) -> String {
    replayReporting(text, name: name, parameters: parameters, datasets: datasets, keepGoing: keepGoing).text
  }

  /// ``replay(_:name:parameters:datasets:keepGoing:)`` with the errors of the statements that failed.
  static func replayReporting(
    _ text: String, name: String, parameters: [String: String], datasets: DatasetRegistry, keepGoing: Bool
  ) -> (text: String, failures: [Diagnostic]) {
    let buffer = ReplayBuffer()
    var settings = SessionSettings()
    settings.terminalWidth = 80
    let session = Session(
      settings: settings, output: SessionOutput(standard: { buffer.add($0) }, error: { buffer.add($0) }),
      datasets: datasets)
    session.parameters = parameters
    session.scriptDirectories.append(Session.directory(of: expandHome(name)))
    var lines = ScriptSource.splitLines(text).makeIterator()
    var runner = ScriptRunner(session: session, file: name, keepGoing: keepGoing)
    var failures: [Diagnostic] = []
    runner.failed = { failures.append($0) }
    _ = runner.run { lines.next() }
    return (buffer.text, failures)
  }
}

/// Collects a replay's output.
final class ReplayBuffer: @unchecked Sendable {
  private(set) var text = ""
  func add(_ more: String) { text += more }
}
