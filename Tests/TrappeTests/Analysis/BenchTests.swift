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
    #expect(notes.contains { $0.contains("the 10 municipalities with the highest value (better = higher) among those with n ≥ 100") })
    #expect(notes.contains { $0.contains("ranks: 1 = highest value") })
  }

  /// The share not started, better lower: `100 * sum(startet) / sum(personer)` declared lower is better.
  static let lower = MeasureDefinition(
    builtIn: "lav", sumOf: "startet", per: "personer", scale: 100, unit: "%", better: .lower, table: "t")

  @Test func betterLowerRanksTheLowestFirstAndPoolsTheTenLowest() throws {
    var notes: [String] = []
    var bench = BenchTests.bench(["M1", "M2", "M3"])
    bench = BenchOperator(
      measure: BenchTests.lower, municipalities: bench.municipalities, mentions: [:], source: bench.source,
      group: bench.group, period: bench.period, unweighted: false)
    let result = try bench.run(BenchTests.table(), notes: &notes)
    let c = { (name: String) in BenchTests.column(result, name) }
    // Round 1: M1 1 % is the lowest of all: rank 1 of the group and of the country.
    // The ten lowest are M1 (2 of 200) and M2…M10 (2 + … + 10 = 54 of 900): 56 / 1100.
    #expect(c("rank_peers")[0] == .int64(1))
    #expect(c("rank_national")[0] == .int64(1))
    #expect(BenchTests.close(c("top10_value")[0], 5600.0 / 1100))
    // Round 2: M1 5.5 %; lower are M2 3 %, M3 4 %, M4 5 %: rank 3 in the group, 4 in the country.
    // The ten lowest: M2, M3, M4 (3 + 4 + 5), M1 (11 of 200), M5…M10 (6 + … + 11 = 51): 74 / 1100.
    #expect(c("rank_peers")[1] == .int64(3))
    #expect(c("rank_national")[1] == .int64(4))
    #expect(BenchTests.close(c("top10_value")[1], 7400.0 / 1100))
    #expect(notes.contains { $0.contains("the 10 municipalities with the lowest value (better = lower)") })
    #expect(notes.contains { $0.contains("ranks: 1 = lowest value (better = lower)") })
    #expect(notes.contains { $0.contains("value minus the other, in percentage points (below 0 is better)") })
    #expect(!notes.contains { $0.contains("higher is assumed") })
  }

  @Test func minNKeepsSmallMunicipalitiesOutOfTheTopTenOnly() throws {
    // M2…M12 have exactly 100 persons: eligible at min_n=100 (n ≥ min_n), not at 101.
    var notes: [String] = []
    var bench = BenchTests.bench(["M1", "M2", "M3"])
    bench.minimumN = 101
    let result = try bench.run(BenchTests.table(), notes: &notes)
    let c = { (name: String) in BenchTests.column(result, name) }
    // Only M1 (200 persons) qualifies: top10_value is its own value, 1 % then 5.5 %.
    #expect(BenchTests.close(c("top10_value")[0], 1))
    #expect(BenchTests.close(c("top10_value")[1], 5.5))
    // Ranks still count all twelve (as in valuePeersNationalTopRanksAndDiffs).
    #expect(c("rank_national")[0] == .int64(12))
    #expect(c("rank_national")[1] == .int64(9))
    #expect(notes.contains("top10_value in runde 1 pools only 1 municipalities"))
    #expect(notes.contains { $0.hasPrefix("n < 101, not eligible for the top 10 (still ranked): runde 1: 11, runde 2: 11 (M10, M11, M12, M2,") })
    // min_n=300: M1 itself is below it, and the footer says so.
    var small: [String] = []
    bench.minimumN = 300
    let none = try bench.run(BenchTests.table(), notes: &small)
    #expect(BenchTests.column(none, "top10_value") == [.null, .null])
    #expect(small.contains { $0.hasPrefix("M1 in runde 1 has n = 200, below min_n = 300") })
    // min_n=0: everyone qualifies; the top 10 of round 1 is M3…M12 again (75 / 1000).
    var all: [String] = []
    bench.minimumN = 0
    let open = try bench.run(BenchTests.table(), notes: &all)
    #expect(BenchTests.close(BenchTests.column(open, "top10_value")[0], 7.5))
    #expect(!all.contains { $0.hasPrefix("n < ") })
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
    // Better lower: only 1 is better than 5.
    #expect(BenchOperator.rank(of: 5, among: [7, 5, 5, 1], direction: .lower) == 2)
    #expect(BenchOperator.rank(of: 7, among: [7, 5, 5, 1], direction: .lower) == 4)
    #expect(BenchOperator.rank(of: 1, among: [7, 5, 5, 1], direction: .lower) == 1)
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
