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
