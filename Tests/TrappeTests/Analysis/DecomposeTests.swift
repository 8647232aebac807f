import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// Direct standardisation on hand-made numbers: the parts sum to the gap.
@Suite struct DecomposeTests {
  /// Municipality: g1 10/100, g2 30/100 → p = (0.5, 0.5), r = (10, 30), value 40/200 = 20 %.
  /// Peers: g1 40/300, g2 20/100 → P = (0.75, 0.25), R = (13.33, 20), value 60/400 = 15 %. Gap 5.
  /// Composition: (0.5 − 0.75)·13.33 + (0.5 − 0.25)·20 = −3.33 + 5 = 1.67.
  /// Rate: 0.5·(10 − 13.33) + 0.5·(30 − 20) = −1.67 + 5 = 3.33; 1.67 + 3.33 = 5.
  @Test func partsSumToTheGap() {
    let parts = DecomposeOperator.parts(own: [(10, 100), (30, 100)], peers: [(40, 300), (20, 100)], scale: 100)
    let composition = parts.reduce(0) { $0 + $1.composition }
    let rate = parts.reduce(0) { $0 + $1.ratePart }
    #expect(abs(composition - 5.0 / 3) < 1e-12)
    #expect(abs(rate - 10.0 / 3) < 1e-12)
    #expect(abs(composition + rate - 5) < 1e-12)
  }

  /// A third category only the municipality has (5/50): its peer share is 0, and it counts wholly as composition.
  /// Municipality: 45/250 = 18 %; gap 18 − 15 = 3.
  @Test func aCategoryMissingAmongThePeers() {
    let parts = DecomposeOperator.parts(
      own: [(10, 100), (30, 100), (5, 50)], peers: [(40, 300), (20, 100), nil], scale: 100)
    #expect(parts[2].peerShare == 0)
    #expect(parts[2].peerRate == nil)
    #expect(parts[2].ratePart == 0)
    #expect(abs(parts[2].composition - 0.2 * 10) < 1e-12)
    let sum = parts.reduce(0) { $0 + $1.composition + $1.ratePart }
    #expect(abs(sum - 3) < 1e-12)
  }

  @Test func operatorAddsATotalRow() throws {
    let table = Table([
      ("kommune", .string(StringColumn(["A", "A", "B", "B", "C"]))),
      ("herkomst", .string(StringColumn(["g1", "g2", "g1", "g2", "g1"]))),
      ("personer", .int64(Int64Column([100, 100, 100, 100, 200]))),
      ("startet", .int64(Int64Column([10, 30, 10, 20, 30]))),
    ])
    // Peers B + C pooled: g1 40/300, g2 20/100, as above.
    let op = DecomposeOperator(
      measure: MeasureRegistry.builtIn[0], kommune: "A", mention: SourceRange(0, 1), source: SourceText("A"),
      group: ComparisonGroup.fixed(["A", "B", "C"], label: "test", for: ["A"]), variable: "herkomst")
    var notes: [String] = []
    let result = try op.run(table, notes: &notes)
    #expect(result.rowCount == 3)
    guard case .double(let composition)? = result.column(named: "composition"),
      case .double(let rate)? = result.column(named: "rate_part"), case .double(let value)? = result.column(named: "rate"),
      case .double(let peer)? = result.column(named: "peer_rate")
    else {
      Issue.record("missing columns")
      return
    }
    #expect(abs(value.values[2] - 20) < 1e-12)
    #expect(abs(peer.values[2] - 15) < 1e-12)
    #expect(abs(composition.values[2] + rate.values[2] - (value.values[2] - peer.values[2])) < 1e-12)
    #expect(notes.contains("gap = 5 percentage points = composition 1.67 + rate 3.33"))
  }
}
