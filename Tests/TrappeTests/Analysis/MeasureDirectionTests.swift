import Testing
@testable import TrappeBase
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeShell
import TrappeTestSupport

/// What a measure's direction and columns decide outside bench itself: the table it is meant for,
/// and gap's note when the measure's direction and the target's comparison disagree.
@Suite struct MeasureDirectionTests {
  @Test func aMeasureIsMeantForATableWhoseColumnsItUses() {
    let captured = CapturedSession()
    _ = captured.session.run("measure kh = 1000 * sum(kontanthjaelp_jan) / sum(befolkning) better lower")
    _ = captured.session.run("measure igen = 100 * sum(startet) / sum(personer)")
    _ = captured.session.run("measure ukendt = sum(foo) / sum(bar)")
    // kontanthjaelp_jan and befolkning are both in kommunepanel only (not in resultater).
    #expect(captured.session.measures.measure("kh")?.table == "kommunepanel")
    // startet and personer are resultater's.
    #expect(captured.session.measures.measure("igen")?.table == "resultater")
    // No table has foo and bar: no table, and bench at the start of a statement reads its own default.
    #expect(captured.session.measures.measure("ukendt")?.table == "")
    guard case .failure(let failure) = captured.session.run("bench ukendt") else {
      Issue.record("expected a failure")
      return
    }
    #expect(failure.message.contains("needs the column 'foo'"))
  }

  @Test func benchKhAtTheStartOfAStatementReadsKommunepanel() {
    let captured = CapturedSession()
    _ = captured.session.run("measure kh = 1000 * sum(kontanthjaelp_jan) / sum(befolkning) better lower")
    guard case .success = captured.session.run("bench kh for Slagelse against (Sorø)") else {
      Issue.record("bench kh failed: \(captured.errors)")
      return
    }
    #expect(captured.standard.contains("source: kommunepanel"))
  }

  static let lower = MeasureDefinition(
    builtIn: "x", sumOf: "a", per: "b", scale: 100, unit: "%", better: .lower, table: "t")

  @Test func gapSaysWhenTheMeasureAndTheTargetDisagree() {
    func target(_ comparison: GapComparison, _ measure: MeasureDefinition) -> GapTarget {
      GapTarget(id: "x", comparison: comparison, threshold: 25, unit: "%", source: "maal", measure: measure)
    }
    // better lower against >= 25: gap follows maal, and says so.
    let note = target(.atLeast, MeasureDirectionTests.lower).directionNote
    #expect(note?.contains("the measure says better lower, but maal's target is >= 25") == true)
    // better lower against <= or <: they agree.
    #expect(target(.atMost, MeasureDirectionTests.lower).directionNote == nil)
    #expect(target(.below, MeasureDirectionTests.lower).directionNote == nil)
    // A built-in better higher against >=: they agree.
    #expect(target(.atLeast, MeasureRegistry.builtIn[0]).directionNote == nil)
    #expect(target(.above, MeasureRegistry.builtIn[0]).directionNote == nil)
    #expect(target(.atMost, MeasureRegistry.builtIn[0]).directionNote != nil)
    // No direction stated: nothing to disagree with.
    var unstated = MeasureDirectionTests.lower
    unstated.directionStated = false
    #expect(target(.atLeast, unstated).directionNote == nil)
  }
}
