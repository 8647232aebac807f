import Testing
import TrappeTestSupport

@testable import TrappeAnalysis
@testable import TrappeBase
@testable import TrappeQuery
@testable import TrappeShell
@testable import TrappeStorage

/// The SQL text `explain sql` writes for small plans. Whether the SQL returns Trappe's table is
/// checked by running it in DuckDB: Tests/analyses/check_explain_sql.py.
@Suite struct ExplainSQLTests {
  @Test func standardOutputIsOnlyTheStatement() {
    let captured = CapturedSession()
    #expect(captured.session.run("explain sql kommuner | where vip2 | count") == .success)
    let sql = captured.standard
    #expect(sql.hasPrefix("WITH\ns1 AS (\n  SELECT row_number() OVER () AS \"__ord\", \"kommunekode\""))
    // Bools are read as text and converted with Trappe's spellings (ja/nej, yes/no, 1/0, true/false).
    #expect(sql.contains("read_csv('") && sql.contains("'vip2': 'VARCHAR'"))
    #expect(sql.contains("CASE WHEN lower(\"vip2\") IN ('true', 'ja', 'yes', '1') THEN TRUE"))
    // Projection push-down keeps only vip2; where keeps __ord; count is one row with ordinal 1.
    #expect(sql.contains("s2 AS (\n  SELECT \"__ord\", \"vip2\" FROM s1\n)"))
    #expect(sql.contains("s3 AS (\n  SELECT * FROM s2 WHERE \"vip2\"\n)"))
    #expect(sql.contains("s4 AS (\n  SELECT 1 AS \"__ord\", CAST(count(*) AS BIGINT) AS \"count\" FROM s3\n)"))
    #expect(sql.hasSuffix("SELECT \"count\"\nFROM s4\nORDER BY \"__ord\";\n"))
    #expect(captured.errors.isEmpty)
  }

  @Test func theDanishSortKeyHasNoControlCharactersToPaste() {
    let captured = CapturedSession()
    #expect(captured.session.run("explain sql kommuner | sort by kommune") == .success)
    let sql = captured.standard
    #expect(sql.contains("translate(") && sql.contains("chr(127)"))
    #expect(sql.unicodeScalars.allSatisfy { $0 == "\n" || ($0.value >= 0x20 && $0.value != 0x7F) })
  }

  @Test func aPivotNamesTheKeyValuesItFoundOnStandardError() {
    let captured = CapturedSession()
    #expect(captured.session.run("explain sql kommuner | pivot vip2 values count() by region") == .success)
    #expect(captured.errors.contains("note: pivot: the SQL has one column per key value found now (2): false, true"))
    #expect(
      captured.standard.contains("FILTER (WHERE (\"vip2\" = TRUE))")
        || captured.standard.contains("FILTER (WHERE \"vip2\" = TRUE)"))
    #expect(captured.standard.hasSuffix(";\n"))
  }

  @Test func aStableSortOrdersByTheKeysThenTheOrdinalWithNullsLast() {
    let captured = CapturedSession()
    #expect(captured.session.run("explain sql kommunepanel | sort by befolkning desc, aar") == .success)
    #expect(
      captured.standard.contains(
        "row_number() OVER (ORDER BY \"befolkning\" DESC NULLS LAST, \"aar\" ASC NULLS LAST, \"__ord\") AS \"__ord\""))
  }

  @Test func divisionIsDoubleAndNullOnZero() {
    let captured = CapturedSession()
    #expect(captured.session.run("explain sql kommunepanel | extend r = fuldtidsledige / befolkning") == .success)
    #expect(
      captured.standard.contains(
        "(CAST(\"fuldtidsledige\" AS DOUBLE) / NULLIF(CAST(\"befolkning\" AS DOUBLE), 0)) AS \"r\""))
  }

  @Test func aTableWithoutASourceIsNamedInTheError() {
    let captured = CapturedSession()
    captured.add("t", Table([("x", .int64(Int64Column([1, 2])))]))
    #expect(captured.session.run("explain sql t | where x > 1") != .success)
    #expect(captured.errors.contains("the table 't' has no SQL form"))
    #expect(captured.standard.isEmpty)
  }

  /// An analysis that does not implement `sql(input:dialect:)`.
  struct Unexpressible: AnalysisOperator {
    var columns: [PlanColumn] { [PlanColumn(name: "x", type: .int64)] }
    var summary: String { "stub x" }
    func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table { input }
  }

  @Test func anAnalysisWithoutASQLFormIsNamed() {
    let table = Table([("x", .int64(Int64Column([1, 2])))])
    let plan = LogicalPlan.analysis(.scan(name: "t", table: table, columns: [0]), AnalysisNode(Unexpressible()))
    var compiler = SQLCompiler(dialect: DuckDBDialect()) { _, _ in .csv(path: "t.csv", format: SQLCSVFormat()) }
    #expect(
      throws: SQLError(
        "stub x has no SQL form yet",
        hints: ["explain sql covers the pipeline up to the analysis; compile that part alone"])
    ) {
      try compiler.statement(plan)
    }
  }

  @Test func everyAnalysisInTheReadmeHasASQLForm() {
    let captured = CapturedSession()
    for query in ["survival for kontanthjælp by herkomst weeks 26", "peers Slagelse k=5", "flow from 1 to 5", "bench i_gang", "gap"] {
      #expect(captured.session.run("explain sql " + query) == .success, "\(query)")
    }
  }

  @Test func aLetTableIsInlinedFromItsPlan() {
    let captured = CapturedSession()
    #expect(captured.session.run("let v = kommuner | where vip2") == .success)
    #expect(captured.session.run("explain sql v | select kommune") == .success)
    #expect(captured.standard.contains("WHERE \"vip2\""))
    #expect(captured.standard.contains("read_csv("))
  }

  @Test func explainSqlParsesAndATableNamedSqlStillExplains() throws {
    #expect(ASTDump.dump(try QueryParser.parse("explain sql kommuner | take 1")).hasPrefix("(explain-sql "))
    #expect(ASTDump.dump(try QueryParser.parse("explain sql | take 1")).hasPrefix("(explain "))
    // `explain sql let NAME = PIPELINE` explains the pipeline the let would keep.
    #expect(
      ASTDump.dump(try QueryParser.parse("explain sql let v = kommuner | take 1"))
        == ASTDump.dump(try QueryParser.parse("explain sql kommuner | take 1")))
  }

  @Test func periodLiteralsAreTheFirstDay() {
    let d = DuckDBDialect()
    // 1 January 2007 is a Monday, so ISO week 2007W01 starts on it.
    #expect(d.literal(.period(.week(2007, 1)), type: .period, unit: .week) == "DATE '2007-01-01'")
    // ISO week 2009W01 starts on Monday 29 December 2008 (1 January 2009 is a Thursday).
    #expect(d.literal(.period(.week(2009, 1)), type: .period, unit: .week) == "DATE '2008-12-29'")
    #expect(d.literal(.period(.quarter(2008, 3)), type: .period, unit: .quarter) == "DATE '2008-07-01'")
    #expect(d.literal(.period(.year(2008)), type: .period, unit: .year) == "CAST(2008 AS INTEGER)")
    #expect(d.identifier("a\"b") == "\"a\"\"b\"")
    #expect(d.string("l'eau") == "'l''eau'")
  }
}
