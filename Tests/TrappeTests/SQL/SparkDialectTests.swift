import Testing
import TrappeTestSupport

@testable import TrappeBase
@testable import TrappeQuery
@testable import TrappeShell
@testable import TrappeStorage

/// The Spark SQL `explain sql` writes with `.sqldialect spark`. Whether it returns Trappe's
/// tables is checked by running it in Spark: Tests/engines/check_explain_spark.py.
@Suite struct SparkDialectTests {
  @Test func quotingFollowsSparkSQL() {
    let d = SparkDialect()
    #expect(d.identifier("a`b") == "`a``b`")
    // Spark reads backslash escapes inside literals: a doubled quote would end the literal.
    #expect(d.string("l'eau") == "'l\\'eau'")
    #expect(d.string("a\\b") == "'a\\\\b'")
    #expect(d.typeName(.string, unit: nil) == "STRING")
    #expect(d.literal(.period(.year(2008)), type: .period, unit: .year) == "CAST(2008 AS INT)")
    #expect(d.literal(.period(.week(2009, 1)), type: .period, unit: .week) == "DATE '2008-12-29'")
  }

  @Test func explainSqlWritesSparkAfterSqldialect() {
    let captured = CapturedSession()
    #expect(captured.session.run(".sqldialect spark") == .success)
    #expect(captured.session.run(".sqldialect") == .success)
    #expect(captured.standard.contains("sqldialect: spark"))
    #expect(captured.session.run("explain sql kommuner | where vip2 | count") == .success)
    let sql = captured.standard
    // The CSV file is read by a temporary view created before the query, every column as text.
    #expect(sql.contains("CREATE OR REPLACE TEMPORARY VIEW `__trappe_csv_"))
    #expect(sql.contains("`vip2` STRING) USING csv OPTIONS (path '"))
    #expect(sql.contains("SELECT row_number() OVER (ORDER BY `__trappe_row`) AS `__ord`"))
    #expect(!sql.contains("read_csv"))
    #expect(sql.hasSuffix("SELECT `count`\nFROM s4\nORDER BY `__ord`;\n"))
    #expect(captured.errors.isEmpty)
  }

  @Test func integerArithmeticIsCheckedWithoutHugeint() {
    let captured = CapturedSession()
    #expect(captured.session.run(".sqldialect spark") == .success)
    #expect(captured.session.run("explain sql kommuner | extend x = kommunekode * 2, s = sum(kommunekode) over ()") == .success)
    let sql = captured.standard
    #expect(!sql.contains("HUGEINT"))
    #expect(sql.contains("TRY_CAST(CAST(`kommunekode` AS DECIMAL(38,0)) * CAST(2 AS BIGINT) AS BIGINT)"))
    #expect(sql.contains("sum(CAST(`kommunekode` AS DECIMAL(38,0)))"))
  }

  @Test func whatSparkCannotSayIsRefused() {
    let captured = CapturedSession()
    #expect(captured.session.run(".sqldialect spark") == .success)
    #expect(captured.session.run("explain sql kommuner | select s = string(1.5 * kommunekode)") != .success)
    #expect(captured.errors.contains("string() of a double has no Spark SQL form"))
    #expect(captured.session.run("explain sql bench i_gang") != .success)
    #expect(captured.errors.contains("has no Spark SQL form yet: the analyses' SQL is written and checked for DuckDB"))
    // DuckDB still compiles both.
    #expect(captured.session.run(".sqldialect duckdb") == .success)
    #expect(captured.session.run("explain sql bench i_gang") == .success)
  }
}
