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

/// Runs every transcript in `Cases/**/*.test` through a fresh session and compares the output.
///
/// A line starting with `> ` is input; consecutive input lines form one
/// statement. The lines up to the next input are the expected output (stdout
/// and stderr interleaved). `RECORD_GOLDEN=1` rewrites the files with the
/// actual output and fails, so every re-recorded diff gets reviewed.
@Suite struct GoldenTests {
  /// The transcripts were found: a wrong root or a moved folder must not leave zero cases passing.
  @Test func casesAreFound() {
    let cases = GoldenCase.all()
    // 32 transcripts when this was written; fewer than 30 means the folder walk went wrong.
    #expect(cases.count >= 30, "found \(cases.count) transcripts under Tests/GoldenTests/Cases")
    let statements = cases.reduce(0) { count, testCase in
      count + ((try? TextFile.read(testCase.path)) ?? "").split(separator: "\n").filter { $0.hasPrefix("> ") }.count
    }
    #expect(statements >= 450, "found \(statements) statements in the transcripts")
  }

  /// A recording run fails even when nothing changed, so it can never be mistaken for a pass
  /// (as swift-argument-parser's snapshots do); re-run without RECORD_GOLDEN to pass.
  @Test func recordingFails() {
    if Environment.value("RECORD_GOLDEN") == "1" {
      Issue.record("RECORD_GOLDEN=1: transcripts and docs/language.md were re-recorded; review, then re-run without it")
    }
  }

  @Test(arguments: GoldenCase.all())
  func transcript(_ testCase: GoldenCase) throws {
    let expected = try #require(try? TextFile.read(testCase.path), "cannot read \(testCase.path)")
    let actual = GoldenCase.run(expected)
    if Environment.value("RECORD_GOLDEN") == "1" {
      if actual != expected {
        try AtomicFile.write(actual, to: testCase.path)
        Issue.record("re-recorded \(testCase.name): review the diff")
      }
      return
    }
    #expect(actual == expected, "\(testCase.name)\n\(GoldenCase.diff(expected, actual))")
  }
}
