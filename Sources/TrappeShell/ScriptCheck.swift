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
    let actual = replay(source.text, name: script, parameters: parameters, datasets: datasets, keepGoing: keepGoing)
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
    report(diff)
    report("FAILED: \(script) no longer matches \(expectedPath)\n")
    return 1
  }

  /// The output of `text` in a fresh, deterministic session (results and diagnostics interleaved).
  static func replay(
    _ text: String, name: String, parameters: [String: String], datasets: DatasetRegistry, keepGoing: Bool
  ) -> String {
    let buffer = ReplayBuffer()
    var settings = SessionSettings()
    settings.terminalWidth = 80
    let session = Session(
      settings: settings, output: SessionOutput(standard: { buffer.add($0) }, error: { buffer.add($0) }),
      datasets: datasets)
    session.parameters = parameters
    session.scriptDirectories.append(Session.directory(of: expandHome(name)))
    var lines = ScriptSource.splitLines(text).makeIterator()
    _ = ScriptRunner(session: session, file: name, keepGoing: keepGoing).run { lines.next() }
    return buffer.text
  }
}

/// Collects a replay's output.
final class ReplayBuffer: @unchecked Sendable {
  private(set) var text = ""
  func add(_ more: String) { text += more }
}
