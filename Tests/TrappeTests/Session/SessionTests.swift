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

@Suite struct SessionTests {
  let sample = Table([
    ("kode", .int64(Int64Column([101, 147]))),
    ("Område", .string(StringColumn(["København", "Frederiksberg"]))),
    ("Antal personer", .double(DoubleColumn([1.5, 2]))),
  ])

  @Test func unknownCommandSuggestsTheNearest() {
    let captured = CapturedSession()
    let outcome = captured.session.run(".tabels")
    guard case .failure(let diagnostic) = outcome else {
      Issue.record("expected a failure")
      return
    }
    #expect(diagnostic.hints.first == "did you mean '.tables'?")
    #expect(captured.errors.contains("^^^^^^^"))
  }

  @Test func uniquePrefixesRunTheCommand() {
    let captured = CapturedSession()
    #expect(captured.session.run(".mo markdown") == .success)
    #expect(captured.session.settings.format == .markdown)
    #expect(captured.session.run(".t") != .success)  // .tables or .timer: ambiguous
  }

  @Test func quitReturnsItsCode() {
    let captured = CapturedSession()
    #expect(captured.session.run(".quit 3") == .exit(3))
    #expect(captured.session.run(".exit") == .exit(0))
  }

  @Test func scriptErrorsNameFileLineAndColumn() {
    let captured = CapturedSession()
    var lines = ["# comment", "", ".mode box", ".mode boks"].makeIterator()
    let status = ScriptRunner(session: captured.session, file: "run.trp", keepGoing: false)
      .run { lines.next() }
    #expect(status == .failed)
    #expect(captured.errors.hasPrefix("run.trp:4:7: error: unknown mode 'boks'"))
  }

  @Test func scriptsStopAtTheFirstErrorUnlessKeepGoing() {
    for keepGoing in [false, true] {
      let captured = CapturedSession()
      var lines = [".mode nope", ".mode csv"].makeIterator()
      let status = ScriptRunner(session: captured.session, file: "s", keepGoing: keepGoing)
        .run { lines.next() }
      #expect(status == .failed)
      #expect(captured.session.settings.format == (keepGoing ? .csv : .box))
    }
  }

  @Test func queriesContinueOnPipeLinesAndOpenBrackets() {
    let captured = CapturedSession()
    #expect(captured.session.needsMoreInput("t | where (a"))
    #expect(captured.session.needsMoreInput("t |"))
    // A string ends on its line: an open quote runs, and the error points at it.
    #expect(!captured.session.needsMoreInput("t | where a == \"x"))
    #expect(!captured.session.needsMoreInput("t | where a == \"(\""))
    #expect(!captured.session.needsMoreInput(".mode ("))
    #expect(captured.session.needsMoreInput(".load a.csv \\"))
    #expect(!captured.session.needsMoreInput("t"))
  }

  @Test func multiLineStatementErrorsPointAtTheirLine() {
    let captured = CapturedSession()
    captured.add("t", sample)
    var lines = ["t", "| nonsense"].makeIterator()
    _ = ScriptRunner(session: captured.session, file: "q.trp", keepGoing: false).run { lines.next() }
    #expect(captured.errors.hasPrefix("q.trp:1:1: error: unknown table 't\n| nonsense'") || captured.errors.hasPrefix("q.trp:"))
  }

  @Test func completesCommandsTablesColumnsAndKeywords() {
    let captured = CapturedSession()
    captured.add("ledighed", sample)
    let session = captured.session
    #expect(session.completions(line: ".de", cursor: 3) == CompletionResult(start: 0, candidates: [".describe"]))
    #expect(session.completions(line: ".describe le", cursor: 12).candidates == ["ledighed"])
    #expect(session.completions(line: ".mode ma", cursor: 8).candidates == ["markdown"])
    #expect(session.completions(line: ".help lo", cursor: 8).candidates == ["load", "locale"])
    let omr = session.completions(line: "ledighed | where Omr", cursor: "ledighed | where Omr".utf8.count)
    #expect(omr.candidates == ["Område"])
    #expect(omr.start == "ledighed | where ".utf8.count)
    #expect(session.completions(line: "An", cursor: 2).candidates == [])
    #expect(session.completions(line: "le", cursor: 2).candidates == ["ledighed", "let"])
    #expect(session.completions(line: "ledighed | summ", cursor: 15).candidates == ["summarize"])
    #expect(session.completions(line: "ledighed | where rou", cursor: 20).candidates == ["round"])
    #expect(session.completions(line: "bench i_g", cursor: 9).candidates == ["i_gang"])
    #expect(session.completions(line: "ledighed | where `An", cursor: 20).candidates == ["`Antal personer`"])
  }

  @Test func completesFilePaths() {
    let captured = CapturedSession()
    let result = captured.session.completions(line: ".read /et", cursor: 9)
    #expect(result.candidates == ["/etc/"])
    #expect(result.start == 6)
  }

  @Test func diagnosticsRenderSourceLineAndCaret() {
    let diagnostic = Diagnostic(
      .error, "no table named 'ledigehd'", at: SourceLocation(file: "a.trp", line: 12, column: 11),
      sourceLine: ".describe ledigehd", length: 8, hints: ["did you mean 'ledighed'?"])
    #expect(
      diagnostic.rendered() == """
        a.trp:12:11: error: no table named 'ledigehd'
          12 | .describe ledigehd
             |           ^^^^^^^^
        hint: did you mean 'ledighed'?

        """)
  }

  @Test func caretsLineUpUnderWideAndDanishCharacters() {
    let diagnostic = Diagnostic(
      .error, "x", at: SourceLocation(line: 1, column: 4), sourceLine: "æø漢x", length: 1)
    let lines = diagnostic.rendered().split(separator: "\n")
    #expect(lines[1] == "  1 | æø漢x")
    #expect(lines[2] == "    |     ^")
  }
}
