import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct ParserErrorTests {
  /// The error parsing `text` throws, if any.
  func parseError(_ text: String) -> LanguageError? {
    do {
      _ = try QueryParser.parse(text)
      return nil
    } catch {
      return error
    }
  }

  @Test(arguments: [
    ("T | where a ==", "expected an expression after '=='", 15),
    ("T | where a == | take 1", "expected an expression after '=='", 16),
    ("T | where", "expected an expression after 'where'", 10),
    ("T | where by > 1", "expected an expression after 'where', found the keyword 'by'", 11),
    ("T | where (a == 1", "expected ')' to close the '(' at column 11", 18),
    ("T | where f(a, b | take 1", "expected ')' to close the '(' at column 12", 18),
    ("T | where k in (1, 2", "expected ')' to close the '(' at column 16", 21),
    ("T | join (U | take 1 on k", "expected ')' to close the '(' at column 10", 22),
    ("T | where a = 1", "use '==' to compare; '=' names a column", 13),
    ("T | select x = a = 1", "use '==' to compare; '=' names a column", 18),
    ("T | summarise n = count()", "unknown stage 'summarise'", 5),
    ("T | foo", "unknown stage 'foo'", 5),
    ("T | where a take 3", "expected '|' between stages", 13),
    ("T where a", "expected '|' between stages", 3),
    ("T | take 3 |", "expected a stage after '|'", 12),
    ("T | take 3 | | count", "expected a stage after '|'", 12),
    ("T | 5", "expected a stage after '|', found '5'", 5),
    ("T | sort by", "'by' needs at least one key", 12),
    ("T | top 3 by | take 1", "'by' needs at least one key", 14),
    ("T | summarize n = count() by", "'by' needs at least one key", 29),
    ("T | sort a", "expected 'by' after 'sort', found 'a'", 10),
    ("T | top 3 a", "expected 'by' after 'top 3', found 'a'", 11),
    ("T | take x", "take needs a whole number, found 'x'", 10),
    ("T | limit 1.5", "limit needs a whole number, found '1.5'", 11),
    ("T | take -1", "take needs a whole number, found '-'", 10),
    ("T | top", "top needs a whole number, found the end of the query", 8),
    ("T | summarize by k", "summarize needs at least one aggregate before 'by'", 15),
    ("T | summarize", "expected an aggregate after 'summarize', found the end of the query", 14),
    ("T | join kind=outer (U) on k", "unknown join kind 'outer'", 15),
    ("T | join U on k", "expected '(' before the pipeline of join, found 'U'", 10),
    ("T | join (U) k", "expected 'on' after the right side of the join, found 'k'", 14),
    ("T | join (U) on a + 1", "a join key is a column name or 'left.a == right.b'", 17),
    ("T | union U", "expected '(' before the pipeline of union, found 'U'", 11),
    ("T | pivot k sum(n)", "expected 'values' after the pivot key, found 'sum'", 13),
    ("T | pivot k values n", "pivot values must be an aggregate such as sum(x)", 20),
    ("T | unpivot a into n", "expected ',' and the value column after 'n', found the end of the query", 21),
    ("T | rename a b", "expected '=' after 'a' in rename, found 'b'", 14),
    ("T | rename = b", "expected a new column name after 'rename', found '='", 12),
    ("T | where a is 1", "expected 'null' after 'is', found '1'", 16),
    ("T | where a not 1", "expected 'in' or 'between' after 'not', found '1'", 17),
    ("T | where a between 1 or 2", "expected 'and' in 'between ... and ...', found 'or'", 23),
    ("T | where case a end", "expected 'when' after 'case', found 'a'", 16),
    ("T | where case when a then 1", "expected 'end' to close the 'case' at column 11, found the end of the query", 29),
    ("T | where case when a 1 end", "expected 'then' after the condition of the 'when' at column 16, found '1'", 23),
    ("T | where foo.a", "only 'left.' and 'right.' can qualify a column name", 11),
    ("T | where left.", "expected a column name after 'left.', found the end of the query", 16),
    ("T | where rank() over k > 1", "a window ('over ...') is only allowed in extend", 18),
    // `over a, b` used to partition by a alone and make b a column: the caret is at ", b".
    ("T | extend s = sum(n) over region, aar", "several keys after 'over' need parentheses", 34),
    ("T | extend s = sum(n) over k order by aar, kommune desc", "several keys after 'order by' need parentheses", 42),
    ("T | where a)", "unexpected ')' with no matching '('", 12),
    ("T | where a b", "unexpected 'b' after the where stage", 13),
    ("T U", "unexpected 'U' after the table name 'T'", 3),
    ("where a > 1", "a pipeline starts with a table name, not the stage 'where'", 1),
    ("", "expected a table name after the start, found the end of the query", 1),
    ("| take 1", "expected a table name after the start, found '|'", 1),
    ("let = T", "expected a name after 'let', found '='", 5),
    ("let x == T", "expected '=' after 'let x', found '=='", 7),
    ("T | where æ @ 1", "unexpected character '@'", 13),
    ("T | where p == 2008Q7", "'2008Q7' is not a valid period (quarters are 1–4)", 16),
    ("T |\n  where a ==\n  | take 1", "expected an expression after '=='", 3),
    ("T | where (a == 1\n| take 2", "expected ')' to close the '(' at line 1, column 11", 1),
  ])
  func errors(text: String, message: String, column: Int) throws {
    let error = try #require(parseError(text))
    #expect(error.message == message)
    let diagnostic = error.diagnostic(in: SourceText(text))
    #expect(diagnostic.location?.column == column)
    #expect(error.range.lower >= 0 && error.range.upper <= text.utf8.count)
  }

  @Test func suggestionsForStagesAndJoinKinds() throws {
    #expect(parseError("T | summarise n = count()")?.hints.first == "did you mean 'summarize'?")
    #expect(parseError("T | wher a")?.hints.first == "did you mean 'where'?")
    #expect(parseError("T | join kind=lft (U) on k")?.hints.first == "did you mean 'left'?")
    #expect(parseError("T | summarize by kommune, år")?.hints.first == "did you mean 'distinct kommune, år'?")
  }

  @Test func windowKeyListsShowTheParenthesisedFix() throws {
    let over = try #require(parseError("T | extend s = sum(n) over region, aar"))
    #expect(over.hints.first == "write over (region, aar)")
    // The caret covers ", aar" (columns 34-38).
    #expect(over.range == SourceRange(33, 38))
    let order = try #require(parseError("T | extend s = sum(n) over k order by aar desc, kommune"))
    #expect(order.hints.first == "write order by (aar desc, kommune)")
  }

  @Test func nestingIsBounded() throws {
    let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
    #expect(parseError("T | where \(deep)")?.message == "expression nested too deeply")
    let negations = String(repeating: "- ", count: 5_000) + "a"  // spaced: `--` starts a comment
    #expect(parseError("T | where \(negations)")?.message == "expression nested too deeply")
    let unions = String(repeating: "T | union (", count: 1_000) + "T" + String(repeating: ")", count: 1_000)
    #expect(parseError(unions)?.message == "pipelines nested too deeply")
    // 20 nested joins with 30 parentheses inside are fine.
    let joins = String(repeating: "T | join (", count: 20) + "T | where " + String(repeating: "(", count: 30) + "a"
      + String(repeating: ")", count: 30) + String(repeating: ") on k", count: 20)
    #expect(parseError(joins) == nil)
    // 150 levels are fine.
    let fine = String(repeating: "(", count: 150) + "a" + String(repeating: ")", count: 150)
    #expect(parseError("T | where \(fine)") == nil)
  }

  @Test func renderedDiagnostics() throws {
    let text = "T | where runde = 5"
    let error = try #require(parseError(text))
    #expect(
      error.diagnostic(in: SourceText(text)).rendered() == """
        error: use '==' to compare; '=' names a column
          1 | T | where runde = 5
            |                 ^
        hint: to name a column, write NAME = EXPRESSION at the start of an item

        """)
    let stageText = "kontanthjælp | summarise n = count()"
    let stageError = try #require(parseError(stageText))
    #expect(
      stageError.diagnostic(in: SourceText(stageText)).rendered() == """
        error: unknown stage 'summarise'
          1 | kontanthjælp | summarise n = count()
            |                ^^^^^^^^^
        hint: did you mean 'summarize'?
        hint: the stages are where, select, extend, summarize, sort, top, take, distinct, count, join, union, pivot, unpivot, rename, chart, bench, gap, flow, survival, decompose, peers, expected

        """)
    let parenText = "T | where (a == 1 | take 3"
    let parenError = try #require(parseError(parenText))
    #expect(
      parenError.diagnostic(in: SourceText(parenText)).rendered() == """
        error: expected ')' to close the '(' at column 11
          1 | T | where (a == 1 | take 3
            |                   ^

        """)
  }
}
