import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct LaunchOptionsTests {
  @Test func parsesEveryOption() throws {
    let options = try LaunchOptions.parse(["-c", ".tables", "-c", ".mode", "--format=csv", "--no-rc", "--keep-going", "run.trp"])
    #expect(options.commands == [".tables", ".mode"])
    #expect(options.format == .csv)
    #expect(options.noRC && options.keepGoing)
    #expect(options.script == "run.trp")
  }

  @Test func reportsUsageErrors() {
    #expect(throws: UsageError("-c needs a value")) { try LaunchOptions.parse(["-c"]) }
    #expect(throws: UsageError("unknown format 'boks' (expected box, markdown, csv, tsv or json); did you mean 'box'?")) {
      try LaunchOptions.parse(["--format", "boks"])
    }
    #expect(throws: UsageError("unknown option '--kep-going'; did you mean '--keep-going'?")) {
      try LaunchOptions.parse(["--kep-going"])
    }
    #expect(throws: UsageError("only one script can be given (found 'a' and 'b')")) {
      try LaunchOptions.parse(["a", "b"])
    }
  }
}
