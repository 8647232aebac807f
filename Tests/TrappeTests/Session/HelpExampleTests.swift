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

/// Runs the example of every meta command, so `.help` never shows one that fails.
@Suite(.serialized) struct HelpExampleTests {
  @Test(arguments: MetaCommand.all.map(\.name))
  func exampleRuns(_ name: String) throws {
    let command = try #require(MetaCommand.all.first { $0.name == name })
    let captured = CapturedSession()
    let outcome = captured.session.run(command.example)
    #expect(outcome == .success || outcome == .exit(0), "\(command.example): \(captured.errors)")
  }

  @Test func everyCommandHasUsageSummaryAndExample() {
    for command in MetaCommand.all {
      #expect(command.usage.hasPrefix("." + command.name))
      #expect(!command.summary.isEmpty && !command.summary.hasSuffix(".") && command.summary.count <= 56)
      #expect(command.example.hasPrefix("." + command.name))
    }
    #expect(Set(MetaCommand.all.map(\.name)).count == MetaCommand.all.count)
  }
}
