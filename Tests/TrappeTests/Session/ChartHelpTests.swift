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

/// Runs the example of every chart kind that `.help chart` shows.
@Suite struct ChartHelpTests {
  @Test(arguments: ChartHelp.examples.map(\.1))
  func exampleDraws(_ example: String) {
    let captured = CapturedSession()
    #expect(captured.session.run(example) == .success, "\(example)\n\(captured.errors)")
    #expect(!captured.standard.isEmpty)
  }

  @Test func everyKindHasAnExample() {
    #expect(Set(ChartHelp.examples.map(\.0)) == Set(ChartKind.allCases))
  }
}
