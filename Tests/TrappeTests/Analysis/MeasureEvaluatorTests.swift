import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery
@testable import TrappeAnalysis

@Suite struct MeasureEvaluatorTests {
  static let input = Table([
    ("kommune", .string(StringColumn(["Aarhus", "Ærø", "Aarhus", "Ærø", "Odense"]))),
    ("herkomst", .string(StringColumn(["øvrige", "dansk", "Ærø-født", "øvrige", "dansk"]))),
    ("runde", .int64(Int64Column([1, 1, 2, 2, 1]))),
    ("startet", .int64(Int64Column([3, 1, 5, 2, 4]))),
    ("personer", .int64(Int64Column([30, 10, 40, 20, 16]))),
  ])

  @Test func totalsSumTheTermsPerGroupWithoutQueryText() throws {
    let measure = try #require(MeasureRegistry().measure("i_gang"))
    let totals = try MeasureEvaluator.totals(Self.input, measure: measure, by: ["kommune"])
    // By hand: Aarhus 3+5 / 30+40, Ærø 1+2 / 10+20, Odense 4 / 16.
    #expect(totals.column(named: "kommune") == .string(StringColumn(["Aarhus", "Ærø", "Odense"])))
    #expect(totals.column(named: "numerator") == .double(DoubleColumn([8, 3, 4])))
    #expect(totals.column(named: "denominator") == .double(DoubleColumn([70, 30, 16])))
  }

  @Test func keysSortAsTheLanguageSortsThem() throws {
    let measure = try #require(MeasureRegistry().measure("i_gang"))
    let cells = try MeasureCells(Self.input, measure: measure, key: "herkomst")
    // Danish collation: Æ and Ø after the Latin letters, Æ before Ø.
    let keys = try #require(cells.keys)
    let values = (0..<keys.count).map { keys.value(at: $0) }
    #expect(values == [.string("dansk"), .string("Ærø-født"), .string("øvrige")])
    #expect(cells.municipalities == ["Aarhus", "Ærø", "Odense"])
    // Pooled over Ærø and Odense in "dansk": (1 + 4) / (10 + 16) · 100.
    let pooled = try #require(cells.pooled(["Ærø", "Odense"], 0, unweighted: false))
    #expect(abs(pooled - 100.0 * 5 / 26) < 1e-12)
    // Aarhus in "øvrige": 3 / 30.
    #expect(cells.value(cells.cell("Aarhus", 2)) == 10)
  }

  @Test func aMissingColumnIsFoundBeforeTheInputExists() throws {
    let measure = try #require(MeasureRegistry().measure("selvforsoergende"))
    let columns = PlanBuilder.scan(Self.input, name: "t").columns
    #expect(throws: Diagnostic.self) { try MeasureEvaluator.check(columns, measure: measure, by: []) }
    let fine = try #require(MeasureRegistry().measure("i_gang"))
    try MeasureEvaluator.check(columns, measure: fine, by: ["runde"])
  }

  @Test func builtInTermsPointIntoTheirOwnText() throws {
    let measure = try #require(MeasureRegistry().measure("aktivering"))
    #expect(measure.numerator == "sum(uger_aktivering)")
    #expect(measure.denominator == "sum(uger_i_alt)")
    #expect(measure.text == "measure aktivering = 100 * sum(uger_aktivering) / sum(uger_i_alt) unit \"%\" better higher")
  }
}
