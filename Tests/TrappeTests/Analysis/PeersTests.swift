import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// Peers on four municipalities whose distances are worked out by hand.
@Suite struct PeersTests {
  /// A (0, 0), B (1, 0), C (0, 2), D (3, 2).
  ///
  /// x: mean 1, sample variance (1 + 0 + 1 + 4) / 3 = 2, sd √2;
  /// y: mean 1, sample variance 4 / 3, sd 2/√3.
  /// z-scores: A (−1/√2, −√3/2), B (0, −√3/2), C (−1/√2, √3/2), D (2/√2, √3/2).
  /// From A: B √(1/2) = 0.7071; C √3 = 1.7321; D √(9/2 + 3) = √7.5 = 2.7386.
  static let panel = Table([
    ("kommunekode", .int64(Int64Column([1, 2, 3, 4]))),
    ("kommune", .string(StringColumn(["A", "B", "C", "D"]))),
    ("x", .double(DoubleColumn([0, 1, 0, 3]))),
    ("y", .double(DoubleColumn([0, 0, 2, 2]))),
  ])

  @Test func distancesOfStandardisedVariables() throws {
    let finder = try PeerFinder(panel: PeersTests.panel, variables: ["x", "y"])
    let matches = finder.nearest(to: "A", k: 3)
    #expect(matches.map(\.kommune) == ["B", "C", "D"])
    #expect(abs(matches[0].distance - 0.5.squareRoot()) < 1e-12)
    #expect(abs(matches[1].distance - 3.0.squareRoot()) < 1e-12)
    #expect(abs(matches[2].distance - 7.5.squareRoot()) < 1e-12)
    #expect(finder.nearest(to: "A", k: 10).count == 3)
  }

  @Test func operatorListsTheNearestAndSavesTheGroup() throws {
    let groups = SavedGroups()
    let op = PeersOperator(
      kommune: "A", mention: SourceRange(6, 7), source: SourceText("peers A k=2"), k: 2, variables: ["x", "y"],
      saveAs: "test_a_peers", groups: groups)
    var notes: [String] = []
    let result = try op.run(PeersTests.panel, notes: &notes)
    #expect(result.column(named: "kommune") == .string(StringColumn(["B", "C"])))
    #expect(result.column(named: "rank") == .int64(Int64Column([1, 2])))
    #expect(result.column(named: "x") == .double(DoubleColumn([1, 0])))
    #expect(groups.members(of: "test_a_peers") == ["B", "C"])
    #expect(SavedGroups().members(of: "test_a_peers") == nil)
    #expect(notes.contains { $0.hasPrefix("method: nearest by Euclidean distance on z-scores") })
  }

  @Test func derivedRatesAndTheEarliestYear() throws {
    let panel = Table([
      ("kommunekode", .int64(Int64Column([1, 2, 3, 1, 2, 3]))),
      ("kommune", .string(StringColumn(["A", "B", "C", "A", "B", "C"]))),
      ("aar", .int64(Int64Column([2008, 2008, 2008, 2007, 2007, 2007]))),
      ("befolkning", .int64(Int64Column([1000, 1000, 1000, 1000, 2000, 4000]))),
      ("fuldtidsledige", .int64(Int64Column([0, 0, 0, 10, 20, 40]))),
      ("kontanthjaelp_jan", .int64(Int64Column([0, 0, 0, 30, 20, 40]))),
    ])
    let finder = try PeerFinder(panel: panel, variables: PeerFinder.defaultVariables)
    #expect(finder.year == 2007)
    // 2007: ledighed_pct 1, 1, 1 (constant, so it does not count); kh_pct 3, 1, 1.
    #expect(finder.raw[0] == [1000, 1, 3])
    #expect(finder.caveats.contains("ledighed_pct does not vary, so it does not count"))
  }
}
