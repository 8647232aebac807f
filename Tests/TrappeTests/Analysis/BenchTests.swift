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

/// Bench on a hand-made table whose figures are worked out in the comments.
@Suite struct BenchTests {
  /// Twelve municipalities M1…M12, two rounds.
  ///
  /// Round 1: M1 has 200 persons, 2 started (1 %); Mi (i = 2…12) 100 persons, i started (i %).
  /// Round 2: M1 has 200 persons, 11 started (5.5 %); Mi 100 persons, i + 1 started.
  static func table(zeroFor name: String? = nil) -> Table {
    var kommune: [String?] = []
    var runde: [Int64] = []
    var personer: [Int64] = []
    var startet: [Int64] = []
    for round in 1...2 {
      for i in 1...12 {
        kommune.append("M\(i)")
        runde.append(Int64(round))
        let first = i == 1
        personer.append(name == "M\(i)" ? 0 : (first ? 200 : 100))
        startet.append(name == "M\(i)" ? 0 : first ? (round == 1 ? 2 : 11) : Int64(i + round - 1))
      }
    }
    return Table([
      ("kommune", .string(StringColumn(kommune))), ("runde", .int64(Int64Column(runde))),
      ("personer", .int64(Int64Column(personer))), ("startet", .int64(Int64Column(startet))),
    ])
  }

  static let iGang = MeasureRegistry.builtIn[0]

  static func bench(
    _ group: [String], for names: [String] = ["M1"], by period: Bool = true, unweighted: Bool = false,
    mentions: [String: SourceRange] = [:]
  ) -> BenchOperator {
    BenchOperator(
      measure: iGang, municipalities: names, mentions: mentions, source: SourceText("bench i_gang for M1"),
      group: ComparisonGroup.fixed(group, label: "test", for: names),
      period: period ? PlanColumn(name: "runde", type: .int64) : nil, unweighted: unweighted)
  }

  static func column(_ table: Table, _ name: String) -> [Value] {
    guard let column = table.column(named: name) else { return [] }
    return (0..<column.count).map { column.value(at: $0) }
  }

  static func double(_ value: Value) -> Double? {
    if case .double(let v) = value { return v }
    return nil
  }

  static func close(_ value: Value, _ expected: Double) -> Bool {
    guard let v = double(value) else { return false }
    return abs(v - expected) < 1e-9
  }

  @Test func valuePeersNationalTopRanksAndDiffs() throws {
    var notes: [String] = []
    // The group (M1, M2, M3): M1's peers are M2 and M3, never M1 itself.
    let result = try BenchTests.bench(["M1", "M2", "M3"]).run(BenchTests.table(), notes: &notes)
    #expect(result.rowCount == 2)
    let c = { (name: String) in BenchTests.column(result, name) }
    // Round 1: value 2/200 = 1 %; peers (2 + 3) / 200 = 2.5 %;
    // national (2 + 2 + … + 12) / (200 + 11·100) = 79 / 1300 = 6.0769… %;
    // top 10 = M3…M12: (3 + … + 12) / 1000 = 75 / 1000 = 7.5 %.
    #expect(BenchTests.close(c("value")[0], 1))
    #expect(BenchTests.close(c("peer_value")[0], 2.5))
    #expect(BenchTests.close(c("national_value")[0], 7900.0 / 1300))
    #expect(BenchTests.close(c("top10_value")[0], 7.5))
    #expect(BenchTests.close(c("diff_peers")[0], -1.5))
    #expect(BenchTests.close(c("diff_national")[0], 1 - 7900.0 / 1300))
    // Ranks: 1 < 2 < 3 among the group; lowest of all twelve.
    #expect(c("rank_peers")[0] == .int64(3))
    #expect(c("rank_national")[0] == .int64(12))
    #expect(BenchTests.close(c("n")[0], 200))
    #expect(c("change")[0] == .null)
    // Round 2: value 11/200 = 5.5 %; peers (3 + 4) / 200 = 3.5 %; national (11 + 3 + … + 13) / 1300 = 99 / 1300;
    // top 10 by value: M12…M5 (13 … 6 %), M1 (5.5 %), M4 (5 %): (76 + 11 + 5) / (800 + 200 + 100) = 92 / 1100.
    #expect(BenchTests.close(c("value")[1], 5.5))
    #expect(BenchTests.close(c("peer_value")[1], 3.5))
    #expect(BenchTests.close(c("national_value")[1], 9900.0 / 1300))
    #expect(BenchTests.close(c("top10_value")[1], 9200.0 / 1100))
    #expect(c("rank_peers")[1] == .int64(1))
    #expect(c("rank_national")[1] == .int64(9))
    // change 5.5 − 1 = 4.5; peers changed 3.5 − 2.5 = 1 → DiD 3.5; the country 20/13 → DiD 4.5 − 20/13.
    #expect(BenchTests.close(c("change")[1], 4.5))
    #expect(BenchTests.close(c("did_peers")[1], 3.5))
    #expect(BenchTests.close(c("did_national")[1], 4.5 - 2000.0 / 1300))
    #expect(notes.contains { $0.contains("best = highest") })
  }

  @Test func unweightedAveragesTheRates() throws {
    var notes: [String] = []
    let result = try BenchTests.bench(["M2", "M3"], by: false, unweighted: true).run(
      BenchTests.table().filtered(runde: 1), notes: &notes)
    let c = { (name: String) in BenchTests.column(result, name) }
    // Round 1 only: mean(2, 3) = 2.5; national mean(1, 2, …, 12) = 78 / 12 = 6.5; top 10 mean(3…12) = 7.5.
    #expect(BenchTests.close(c("peer_value")[0], 2.5))
    #expect(BenchTests.close(c("national_value")[0], 6.5))
    #expect(BenchTests.close(c("top10_value")[0], 7.5))
    #expect(result.column(named: "change") == nil)
  }

  @Test func aGroupOfOnlyItselfGivesNullPeersAndANote() throws {
    var notes: [String] = []
    let result = try BenchTests.bench(["M1"]).run(BenchTests.table(), notes: &notes)
    #expect(BenchTests.column(result, "peer_value") == [.null, .null])
    #expect(BenchTests.column(result, "rank_peers") == [.null, .null])
    #expect(BenchTests.column(result, "did_peers") == [.null, .null])
    #expect(notes.contains("no peers besides M1: its peer columns are NULL"))
  }

  @Test func aZeroDenominatorGivesNullAndANote() throws {
    var notes: [String] = []
    let result = try BenchTests.bench(["M2"]).run(BenchTests.table(zeroFor: "M1"), notes: &notes)
    #expect(BenchTests.column(result, "value") == [.null, .null])
    #expect(BenchTests.column(result, "rank_national") == [.null, .null])
    #expect(notes.contains { $0.contains("M1 in runde 1: the denominator sum(personer) is 0") })
    for row in 0..<result.rowCount {
      for column in result.columns {
        if case .double(let v) = column.value(at: row) { #expect(v.isFinite) }
      }
    }
  }

  @Test func aNamedMunicipalityMissingFromTheDataIsAnError() {
    var notes: [String] = []
    let bench = BenchTests.bench(["M2"], for: ["M13"], mentions: ["M13": SourceRange(17, 20)])
    #expect(throws: Diagnostic.self) { try bench.run(BenchTests.table(), notes: &notes) }
  }

  @Test func ranksShareTies() {
    #expect(BenchOperator.rank(of: 5, among: [7, 5, 5, 1]) == 2)
    #expect(BenchOperator.rank(of: nil, among: [1]) == nil)
  }

  @Test func unknownMeasureAndMunicipalitySuggestTheNearest() {
    let captured = CapturedSession()
    guard case .failure(let measure) = captured.session.run("bench i_gnag for Slagelse") else {
      Issue.record("expected a failure")
      return
    }
    #expect(measure.message.contains("unknown measure 'i_gnag'"))
    #expect(captured.errors.contains("i_gang"))
    let second = CapturedSession()
    guard case .failure(let kommune) = second.session.run("bench i_gang for Slagelsee") else {
      Issue.record("expected a failure")
      return
    }
    #expect(kommune.message.contains("unknown municipality 'Slagelsee'"))
    #expect(second.errors.contains("Slagelse"))
  }
}

extension Table {
  /// The rows of one round (tests only).
  func filtered(runde: Int64) -> Table {
    guard case .int64(let rounds)? = column(named: "runde") else { return self }
    let rows = (0..<rowCount).filter { rounds[$0] == runde }.map { Int32($0) }
    return Table(schema.names.enumerated().map { ($1, columns[$0].gather(rows)) })
  }
}
