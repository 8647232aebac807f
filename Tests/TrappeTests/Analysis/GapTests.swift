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

/// `gap` on small hand-made tables, with every expectation computed by hand.
@Suite struct GapTests {
  /// Municipalities A–F in rounds 1 and 2 (F only in round 1); E has no persons in round 2.
  ///
  /// i_gang = 100 · startet / personer: A 20 → 22 %, B 30 → 26 %, C 24 → 20 %, D 20 → 20 %,
  /// E 10 % → no value, F 130 persons of whom 30 started (23.08 %).
  static let data: Table = {
    let rows: [(String, Int64, Int64, Int64, Double, Double, Double)] = [
      ("A", 1, 100, 20, 10, 30, 100), ("A", 2, 100, 22, 10.5, 41, 100),
      ("B", 1, 100, 30, 20, 40, 100), ("B", 2, 50, 13, 16, 40, 100),
      ("C", 1, 100, 24, 12, 40, 100), ("C", 2, 100, 20, 12, 40, 100),
      ("D", 1, 100, 20, 12, 40, 100), ("D", 2, 100, 20, 12, 40, 100),
      ("E", 1, 100, 10, 12, 40, 100), ("E", 2, 0, 0, 0, 0, 0),
      ("F", 1, 130, 30, 12, 40, 100),
    ]
    return Table([
      ("kommune", .string(StringColumn(rows.map { Optional($0.0) }))),
      ("runde", .int64(Int64Column(rows.map { $0.1 }))),
      ("personer", .int64(Int64Column(rows.map { $0.2 }))),
      ("startet", .int64(Int64Column(rows.map { $0.3 }))),
      ("uger_selvforsoergende", .double(DoubleColumn(rows.map { $0.4 }))),
      ("uger_aktivering", .double(DoubleColumn(rows.map { $0.5 }))),
      ("uger_i_alt", .double(DoubleColumn(rows.map { $0.6 }))),
    ])
  }()

  static let maal = Table([
    ("maal_id", .string(StringColumn(["i_gang", "selvforsoergende", "aktivering"]))),
    ("sammenligning", .string(StringColumn([">=", ">=", ">="]))),
    ("taerskel", .double(DoubleColumn([25, 15, 40]))),
    ("enhed", .string(StringColumn(["%", "%", "%"]))),
    ("kilde", .string(StringColumn(["test (a)", "test (b)", "test; more"]))),
  ])

  static let kommuner = Table([
    ("kommunekode", .int64(Int64Column([1, 2, 3, 4, 5, 6]))),
    ("kommune", .string(StringColumn(["A", "B", "C", "D", "E", "F"]))),
    ("vip2", .bool(BoolColumn([true, true, false, false, false, false]))),
  ])

  /// Runs `query` on a session holding the tables; returns the result or the failure.
  func run(_ query: String, maal: Table = GapTests.maal) -> (Table?, Diagnostic?, CapturedSession) {
    let captured = CapturedSession()
    captured.add("t", GapTests.data)
    captured.add("maal", maal)
    captured.add("kommuner", GapTests.kommuner)
    switch captured.session.run(query) {
    case .success: return (captured.session.results.last, nil, captured)
    case .failure(let diagnostic): return (nil, diagnostic, captured)
    case .exit: return (nil, nil, captured)
    }
  }

  /// The cell of `column` in the row for `kommune` (and `runde`, `maal` when given).
  func cell(_ table: Table?, _ column: String, kommune: String, runde: Int64? = nil, maal: String = "i_gang") -> Value?
  {
    guard let table, let values = table.column(named: column), let names = table.column(named: "kommune"),
      let targets = table.column(named: "maal")
    else { return nil }
    let rounds = table.column(named: "runde")
    for row in 0..<table.rowCount
    where names.value(at: row) == .string(kommune) && targets.value(at: row) == .string(maal)
      && (runde == nil || rounds?.value(at: row) == .int64(runde ?? 0))
    {
      return values.value(at: row)
    }
    return nil
  }

  @Test func defaultsToTheMethodMunicipalitiesAndEveryTarget() {
    let (table, diagnostic, _) = run("t | gap")
    #expect(diagnostic == nil)
    #expect(table?.schema.names == ["kommune", "maal", "value", "threshold", "gap_pp", "met", "short"])
    #expect(table?.rowCount == 6)  // A and B, three targets
    // A over both rounds: 42 of 200 = 21 %, 8 short of 50 (25 % of 200).
    #expect(cell(table, "value", kommune: "A") == .double(21))
    #expect(cell(table, "gap_pp", kommune: "A") == .double(-4))
    #expect(cell(table, "met", kommune: "A") == .bool(false))
    #expect(cell(table, "short", kommune: "A") == .int64(8))
    #expect(cell(table, "threshold", kommune: "A") == .double(25))
    // B: 43 of 150 = 28.67 %: met.
    #expect(cell(table, "value", kommune: "B") == .double(28.67))
    #expect(cell(table, "met", kommune: "B") == .bool(true))
    #expect(cell(table, "short", kommune: "B") == .int64(0))
  }

  @Test func shortRoundsUpToWholePersonsAndPersonWeeks() {
    let (table, _, captured) = run("t | where runde == 1 | gap for F")
    // 30 of 130 = 23.08 %; 25 % of 130 = 32.5 persons, so 3 short (2.5 rounded up).
    #expect(cell(table, "value", kommune: "F") == .double(23.08))
    #expect(cell(table, "short", kommune: "F") == .int64(3))
    // Time: 12 of 100 weeks self-supporting; 15 weeks needed, so 3 person-weeks short.
    #expect(cell(table, "short", kommune: "F", maal: "selvforsoergende") == .int64(3))
    let (second, _, _) = run("t | where runde == 2 | gap selvforsoergende for A")
    // 10.5 of 100 weeks; 4.5 person-weeks short, rounded up to 5.
    #expect(cell(second, "short", kommune: "A", maal: "selvforsoergende") == .int64(5))
    #expect(captured.errors.isEmpty)
    #expect(captured.standard.contains("short in persons (rounded up): i_gang"))
    #expect(
      captured.standard.contains("short in person-weeks (rounded up): selvforsoergende, aktivering"))
  }

  @Test func exactlyAtTheThresholdIsMet() {
    let exact = Table([
      ("kommune", .string(StringColumn(["A"]))), ("personer", .int64(Int64Column([100]))),
      ("startet", .int64(Int64Column([25]))),
    ])
    let captured = CapturedSession()
    captured.add("x", exact)
    captured.add("kommuner", GapTests.kommuner)
    #expect(captured.session.run("x | gap i_gang for A") == .success)
    let table = captured.session.results.last
    #expect(cell(table, "met", kommune: "A") == .bool(true))
    #expect(cell(table, "short", kommune: "A") == .int64(0))
    #expect(cell(table, "gap_pp", kommune: "A") == .double(0))
  }

  @Test func roundsToTargetFollowsThePaceOfTheLastTwoRounds() {
    let (table, diagnostic, captured) = run("t | gap i_gang for alle by runde")
    #expect(diagnostic == nil)
    #expect(table?.schema.names.suffix(2) == ["rounds_to_target", "trend"])
    // A: 20 → 22 %, +2 per round; 3 points to go: ceil(3 / 2) = 2 rounds.
    #expect(cell(table, "rounds_to_target", kommune: "A", runde: 2) == .int64(2))
    #expect(cell(table, "trend", kommune: "A", runde: 2) == .string("approaching"))
    #expect(cell(table, "short", kommune: "A", runde: 2) == .int64(3))
    // The first round has no pace.
    #expect(cell(table, "rounds_to_target", kommune: "A", runde: 1) == .null)
    #expect(cell(table, "trend", kommune: "A", runde: 1) == .null)
    // B: 26 % is met although falling.
    #expect(cell(table, "rounds_to_target", kommune: "B", runde: 2) == .int64(0))
    #expect(cell(table, "trend", kommune: "B", runde: 2) == .string("met"))
    // C: 24 → 20 %: moving away.
    #expect(cell(table, "rounds_to_target", kommune: "C", runde: 2) == .null)
    #expect(cell(table, "trend", kommune: "C", runde: 2) == .string("moving away"))
    // D: 20 → 20 %: flat.
    #expect(cell(table, "rounds_to_target", kommune: "D", runde: 2) == .null)
    #expect(cell(table, "trend", kommune: "D", runde: 2) == .string("flat"))
    #expect(captured.standard.contains("pace: value change per runde since the one before; last: runde 1 → 2"))
  }

  @Test func zeroDenominatorGivesNullAndANote() {
    let (table, diagnostic, captured) = run("t | gap i_gang for E by runde")
    #expect(diagnostic == nil)
    #expect(cell(table, "value", kommune: "E", runde: 2) == .null)
    #expect(cell(table, "met", kommune: "E", runde: 2) == .null)
    #expect(cell(table, "short", kommune: "E", runde: 2) == .null)
    #expect(cell(table, "value", kommune: "E", runde: 1) == .double(10))
    #expect(captured.standard.contains("value NULL, denominator 0 or missing: E runde 2 i_gang"))
  }

  @Test func aPeriodWithoutRowsGivesNullAndANote() {
    let (table, diagnostic, captured) = run("t | gap i_gang for F, 1 by runde")
    #expect(diagnostic == nil)
    #expect(table?.rowCount == 4)
    #expect(cell(table, "value", kommune: "F", runde: 2) == .null)
    #expect(cell(table, "trend", kommune: "F", runde: 2) == .null)
    #expect(captured.standard.contains("no rows (value NULL; the pace skips them): F runde 2"))
  }

  @Test func anEmptyInputIsAnError() {
    let (_, diagnostic, _) = run("t | where runde == 7 | gap by runde")
    #expect(diagnostic?.message == "gap has no rows to work on: the stages before it kept none")
  }

  @Test func unknownNamesSuggestTheNearest() {
    let (_, target, _) = run("t | gap i_gagn")
    #expect(target?.message == "maal has no target 'i_gagn'")
    #expect(target?.hints.first == "did you mean 'i_gang'?")
    let (_, kommune, _) = run("t | gap for Q")
    #expect(kommune?.message == "the input has no rows for the municipality 'Q'")
    let (_, code, _) = run("t | gap for 99")
    #expect(code?.message == "no municipality has the code 99")
    let (_, by, _) = run("t | gap by rund")
    #expect(by?.hints.first == "did you mean 'runde'?")
    let (_, clause, _) = run("t | gap against peers")
    #expect(clause?.message == "gap does not take 'against'")
  }

  @Test func aMissingColumnIsNamed() {
    let (_, diagnostic, _) = run("t | select kommune, runde, personer | gap i_gang")
    #expect(diagnostic?.message == "the target 'i_gang' needs the column 'startet', which the input does not have")
  }

  @Test func aTargetWithoutAMeasureIsNamed() {
    let extra = Table([
      ("maal_id", .string(StringColumn(["i_gang", "beskaeftiget"]))),
      ("sammenligning", .string(StringColumn([">=", ">="]))),
      ("taerskel", .double(DoubleColumn([25, 30]))),
    ])
    let (_, diagnostic, _) = run("t | gap", maal: extra)
    #expect(diagnostic?.message == "the target 'beskaeftiget' has no measure: define one called 'beskaeftiget'")
    let (table, listed, _) = run("t | gap i_gang", maal: extra)
    #expect(listed == nil)
    #expect(table?.rowCount == 2)
  }

  @Test func comparisonsInBothDirections() {
    #expect(GapComparison.atLeast.isMet(25, threshold: 25))
    #expect(!GapComparison.above.isMet(25, threshold: 25))
    #expect(GapComparison.atMost.isMet(10, threshold: 12))
    // At most 10 % of 200: 23 persons is 3 too many.
    #expect(GapComparison.atMost.shortfall(numerator: 23, needed: 20) == 3)
    // More than 25 % of 100: 25 is not enough, 26 is.
    #expect(GapComparison.above.shortfall(numerator: 25, needed: 25) == 1)
    #expect(GapComparison.atLeast.shortfall(numerator: 29.5, needed: 32.5) == 3)
  }
}
