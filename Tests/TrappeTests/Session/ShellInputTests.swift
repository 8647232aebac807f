import Testing
@testable import TrappeBase
@testable import TrappeQuery
@testable import TrappeShell
import TrappeTestSupport

/// Issue 15, shell input: comments, where script errors are reported, `|` continuation
/// in the shell, `.history` / `.history save` / `.rerun`.
@Suite struct ShellInputTests {
  /// Runs `lines` as a script named s.trp and returns the diagnostics.
  func script(_ lines: [String], keepGoing: Bool = false) -> (CapturedSession, ScriptRunner.Status) {
    let captured = CapturedSession()
    var iterator = lines.makeIterator()
    let status = ScriptRunner(session: captured.session, file: "s.trp", keepGoing: keepGoing).run { iterator.next() }
    return (captured, status)
  }

  // Review §5.4 / P2 #12: a trailing -- was "unexpected '-'", a whole-line // was "expected a table name".
  @Test func commentsAreTheSameEverywhere() {
    let (captured, status) = script([
      "-- whole line", "# whole line", "kommuner | count  -- trailing", "kommuner | where vip2 | count # trailing",
      "  -- indented", ".maxrows 5 -- a trailing comment on a command",
    ])
    #expect(status == .succeeded, "\(captured.errors)")
    #expect(captured.standard.contains("98"))
    #expect(captured.standard.contains("│               5 │"))
    #expect(captured.session.settings.maxRows == 5)
    // The shell and -c go through Session.run: a comment-only statement does nothing.
    let shell = CapturedSession()
    #expect(shell.session.runInteractive("-- just a comment") == .success)
    #expect(shell.session.run("kommuner | count -- trailing") == .success)
    #expect(shell.errors.isEmpty)
  }

  @Test func doubleSlashSaysItIsNotAComment() {
    let (captured, status) = script(["kommuner | count", "// not a comment"])
    #expect(status == .failed)
    #expect(captured.errors.contains("s.trp:2:1: error: '//' does not start a comment in Trappe"))
    #expect(captured.errors.contains("comments start with -- or #"))
    let shell = CapturedSession()
    _ = shell.session.run("kommuner | count // trailing")
    #expect(shell.errors.contains("'//' does not start a comment"))
    // Division still works.
    #expect(shell.session.run("kommuner | extend x = areal_km2 / 2 | take 1") == .success)
  }

  // Review §5.5 / P2 #11: the error was reported at 3:36, on a later, correct line.
  @Test func unterminatedStringIsReportedWhereItStarts() {
    let (captured, status) = script([
      #"kommuner | where region == "Region Sjælland"#, #"kommuner | where kommune == "Slagelse""#,
      #"kommuner | where kommune == "Aarhus""#,
    ])
    #expect(status == .failed)
    #expect(captured.errors.contains("s.trp:1:28: error: unterminated string"), "\(captured.errors)")
    #expect(!captured.errors.contains("s.trp:3"))
    // With keep-going, the two correct lines run.
    let (again, _) = script(
      [#"kommuner | where region == "Region Sjælland"#, #"kommuner | where kommune == "Slagelse" | count"#],
      keepGoing: true)
    #expect(again.standard.contains("│               1 │"), "\(again.take())")
  }

  // Review §5.5 / P2 #11: a trailing comma swallowed the next statement ("unknown column 'resultater'").
  @Test func trailingCommaIsReportedOnItsLine() {
    let (captured, status) = script(["kommuner | select kommune,", "resultater | count"])
    #expect(status == .failed)
    #expect(captured.errors.contains("s.trp:1:"), "\(captured.errors)")
    #expect(!captured.errors.contains("resultater"))
    // A column on the next line still continues the list.
    let (list, listStatus) = script(["kommuner | select kommune,", "  region | take 1"])
    #expect(listStatus == .succeeded, "\(list.errors)")
  }

  @Test func shellWaitsWhereAStatementIsOpenButNotForAnOpenString() {
    let session = CapturedSession().session
    #expect(session.needsMoreInput("kommuner |"))
    #expect(session.needsMoreInput("kommuner | -- more below"))
    #expect(!session.needsMoreInput("kommuner | count -- done |"))
    #expect(!session.needsMoreInput(#"kommuner | where region == "Region Sjælland"#))
    #expect(session.needsMoreInput("kommuner | where kommune in (\"a\","))
  }

  // Review P1 #1: "| where ..." typed after "kommunepanel" gave "expected a table name".
  @Test func leadingPipeContinuesTheLastQueryInTheShell() {
    let captured = CapturedSession()
    let session = captured.session
    #expect(session.runInteractive("kommunepanel") == .success)
    #expect(session.runInteractive("| where aar == 2009 and vip2") == .success)
    #expect(session.runInteractive("| summarize n = count()") == .success)
    #expect(captured.errors.isEmpty, "\(captured.errors)")
    // The five VIP2 method municipalities (README, kommuner's vip2 column), one row in 2009 each.
    #expect(session.results.last?.rowCount == 1)
    session.settings.format = .csv
    _ = captured.take()
    #expect(session.runInteractive("_") == .success)
    #expect(captured.standard == "n\n5\n")
    session.settings.format = .box
    #expect(session.history.entries == ["kommunepanel\n| where aar == 2009 and vip2\n| summarize n = count()", "_"])
    // A failed | line keeps the query it tried to extend.
    #expect(session.runInteractive("kommuner") == .success)
    #expect(session.runInteractive("| wher vip2") != .success)
    #expect(session.runInteractive("| where vip2 | count") == .success)
    #expect(session.history.entries.last == "kommuner\n| where vip2 | count")
    // After a command there is nothing to continue, and the error says so.
    #expect(session.runInteractive(".maxrows 5") == .success)
    _ = captured.take()
    #expect(session.runInteractive("| count") != .success)
    #expect(captured.errors.contains("there is no query for this '|' line to continue"))
  }

  @Test func leadingPipeGivesTheSameResultAsTheScript() {
    let lines = ["kommuner", "| where region == \"Region Sjælland\"", "| summarize n = count(), km2 = sum(areal_km2)"]
    let shell = CapturedSession()
    for line in lines { _ = shell.session.runInteractive(line) }
    let (scripted, status) = script(lines)
    #expect(status == .succeeded)
    let last = shell.take().split(separator: "┌", omittingEmptySubsequences: false).last.map(String.init)
    #expect(last != nil && scripted.standard.hasSuffix("┌" + (last ?? "x")))
  }

  // Issue 15 item 10: .history save writes a script that replays to the same results.
  @Test func historySaveReplaysTheSession() throws {
    let directory = try TemporaryDirectory()
    let captured = CapturedSession()
    let session = captured.session
    let typed = [
      ".locale da", "let sj = kommuner | where region == \"Region Sjælland\"", ".help", "sj | count", "kommunepanel",
      "| where aar == 2009", "| summarize ledige = sum(fuldtidsledige) by region", "nosuch | count",
      "measure ledig_pct = 100.0 * sum(fuldtidsledige) / sum(befolkning) better lower",
      "kommunepanel | where aar == 2009 | summarize p = round(100.0 * sum(fuldtidsledige) / sum(befolkning), 3) by region",
    ]
    for line in typed { _ = session.runInteractive(line) }
    let path = directory.path + "/h.trp"
    #expect(session.runInteractive(".history save " + path) == .success)
    #expect(session.history.entries.count == 6)  // not .help, not the failed line, the pipeline once
    _ = captured.take()
    #expect(session.runInteractive(".history") == .success)
    let listing = captured.take()
    #expect(listing.contains("3  sj | count"))
    #expect(listing.contains("4  kommunepanel\n   | where aar == 2009\n"))
    // The replay against the statements written by hand: the pipeline in one piece, without
    // the failed line and .help. The results keep their numbers: out2 is the whole pipeline.
    let original = CapturedSession()
    let byHand = [
      typed[0], typed[1], typed[3],
      "kommunepanel | where aar == 2009 | summarize ledige = sum(fuldtidsledige) by region", typed[8], typed[9],
    ]
    for line in byHand { #expect(original.session.run(line) == .success) }
    #expect(session.catalog.entry("out2")?.table.rowCount == 5)
    #expect(session.catalog.entry("out4") == nil)
    let replay = CapturedSession()
    let source = try #require(try? ScriptSource.read(path, name: "h.trp"))
    var iterator = source.lines.makeIterator()
    let status = ScriptRunner(session: replay.session, file: "h.trp", keepGoing: false).run { iterator.next() }
    #expect(status == .succeeded, "\(replay.errors)")
    #expect(replay.standard == original.standard)
    #expect(replay.session.settings.locale == session.settings.locale)
    // .rerun N runs entry N again and keeps it as the newest entry.
    _ = captured.take()
    #expect(session.runInteractive(".rerun 3") == .success)
    #expect(captured.take().contains("rerun: sj | count"))
    #expect(session.history.entries.last == "sj | count")
    #expect(session.runInteractive(".rerun 99") != .success)
  }

  @Test func helpDoesNotSuggestFarTopics() {
    let captured = CapturedSession()
    // (".help foo" now opens .footer, whose name it starts.)
    _ = captured.session.run(".help fnord")
    #expect(captured.errors.contains("no help for 'fnord'"))
    #expect(!captured.errors.contains("from"))
    _ = captured.session.run(".help summarise")
    #expect(captured.errors.contains("did you mean 'summarize'?"))
    _ = captured.take()
    _ = captured.session.run(".help")
    let overview = captured.take()
    #expect(overview.contains("Also: .run = .read"))
    #expect(overview.contains("a line starting\nwith | continues the last query"))
    _ = captured.session.run(".help where")
    #expect(!captured.take().contains("\nstage\n"))
  }
}

/// Issue 15 item 9 (review §6.3, P3 #23): habits from SQL, dplyr, pandas and DuckDB get a hint.
@Suite struct HabitHintTests {
  @Test(arguments: [
    ("SELECT kommune FROM kommuner WHERE vip2", "t | where c | select a"),
    ("kommuner | group by region", "summarize ... by"),
    ("kommuner | summarize n = count() group by region", "without 'group'"),
    ("kommuner | filter vip2", "where"),
    ("kommuner | head 5", "take 5"),
    ("kommuner | mutate x = 1", "extend"),
    ("kommuner | where areal_km2 > 100,5", "100.5"),
    ("kommuner | where kommune like \"Sl%\"", "startswith(kommune"),
    ("kommuner | select kommune as navn", "select navn = kommune"),
    ("help", ".help"),
    ("exit", ".quit"),
    (".schema", ".describe"),
    (".import x.csv", ".load"),
  ])
  func habitGetsAHint(_ input: String, _ hint: String) {
    let captured = CapturedSession()
    #expect(captured.session.run(input) != .success)
    let hints = captured.errors.split(separator: "\n").filter { $0.hasPrefix("hint: ") }
    #expect(hints.contains { $0.contains(hint) }, "\(captured.errors)")
  }
}

/// Issue 15 item 9 (review §6.3, P3 #24): a `==` filter that matches nothing names close values.
@Suite struct CloseValueTests {
  @Test(arguments: [
    ("kommuner | where kommune == \"Århus\"", "did you mean \"Aarhus\"?"),
    ("kommuner | where region == \"Region Sjaelland\"", "did you mean \"Region Sjælland\"?"),
    ("kommuner | where vip2 and kommune == \"slagelse\"", "did you mean \"Slagelse\"?"),
  ])
  func emptyFilterSuggestsCloseValues(_ query: String, _ note: String) {
    let captured = CapturedSession()
    #expect(captured.session.run(query) == .success)
    #expect(captured.errors.contains(note), "\(captured.errors)")
  }

  @Test func noNoteWhenRowsMatchOrNothingIsClose() {
    let captured = CapturedSession()
    #expect(captured.session.run("kommuner | where kommune == \"Aarhus\"") == .success)
    #expect(captured.session.run("kommuner | where kommune == \"Xyzzy Qwerty\"") == .success)
    #expect(!captured.errors.contains("did you mean"))
  }
}

/// Issue 15 item 9 (review §6.1, P3 #25): Tab completion from the live session.
@Suite struct ValueCompletionTests {
  func complete(_ line: String) -> [String] {
    let captured = CapturedSession()
    return captured.session.completions(line: line, cursor: line.utf8.count).candidates
  }

  @Test func pipelineColumnsFirst() {
    // Review: ~160 candidates (columns of every dataset); now kommuner's own columns.
    let candidates = complete("kommuner | select kommune, ")
    #expect(candidates.contains("region") && candidates.contains("areal_km2"))
    #expect(!candidates.contains("uger_aktivering") && !candidates.contains("taerskel"))
    #expect(complete("kommuner | where reg") == ["region", "regionskode"])
  }

  @Test func measuresAfterBenchAndGap() {
    let candidates = complete("bench ")
    #expect(candidates.contains("i_gang"))
    #expect(!candidates.contains("kommuner") && !candidates.contains("round"))
    #expect(complete("gap i_g") == ["i_gang"])
  }

  @Test func municipalitiesAndStringValues() {
    #expect(complete("bench i_gang for Sla") == ["Slagelse"])
    #expect(complete("bench i_gang for Høje") == ["\"Høje-Taastrup\""])
    #expect(complete("kommuner | where kommune == \"Ringkø") == ["Ringkøbing-Skjern\""])
    #expect(complete("kommuner | where region == \"Region Sj") == ["Region Sjælland\""])
  }

  @Test func analysesAndCommandsAtLineStart() {
    let candidates = complete("")
    #expect(candidates.contains("bench") && candidates.contains("survival"))
    #expect(candidates.contains(".help") && candidates.contains("kommuner"))
    #expect(complete("surv") == ["survival"])
  }
}

/// Review §3 / P3 #27: on a terminal, long hint and manifest lines wrap between words.
@Suite struct TerminalWrapTests {
  @Test func hintsAndManifestsWrapBetweenWords() {
    var settings = SessionSettings()
    settings.terminalOutput = true
    settings.terminalWidth = 80
    let captured = CapturedSession(settings: settings)
    _ = captured.session.run(".describe ekspot")
    _ = captured.session.run(".datasets befolkning")
    let lines = captured.take().split(separator: "\n").map(String.init)
    #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(lines)")
    // Every dataset name stays whole, and continuation lines hang under the label.
    let hint = lines.drop { !$0.hasPrefix("hint: tables:") }.prefix { $0.hasPrefix("hint: tables:") || $0.hasPrefix("      ") }
    let names = hint.joined(separator: " ").dropFirst("hint: tables:".count).split(whereSeparator: { $0 == "," || $0 == " " })
    #expect(names.contains("kommunegrupper") && names.contains("jobindsats_y30r21") && names.contains("ydelser"))
    #expect(lines.contains("            2005–2009) and FOLK1A (first quarter, 2008–2023), via"))
    // Not on a pipe or file: lines stay whole.
    let piped = CapturedSession()
    _ = piped.session.run(".datasets befolkning")
    #expect(piped.standard.contains("source:     Danmarks Statistik, tables BEF1A07 (1 January, 2007 boundaries, 2005–2009)"))
  }
}

/// Review §5.3 / P2 #22: parameters are data (a name with a hyphen works bare), and a missing
/// one says how to pass it also when other parameters were passed.
@Suite struct ParameterTests {
  @Test func hyphenatedMunicipalityWorksBare() {
    let captured = CapturedSession()
    captured.session.parameters = ["kommune": "Høje-Taastrup"]
    captured.session.settings.format = .csv
    #expect(captured.session.run("kommuner | where kommune == $kommune | select kommune") == .success)
    #expect(captured.standard == "kommune\nHøje-Taastrup\n")
    #expect(captured.session.run("bench i_gang for $kommune | select kommune") == .success, "\(captured.errors)")
  }

  @Test func missingParameterSaysHowToPassIt() {
    let captured = CapturedSession()
    captured.session.parameters = ["kommune": "Slagelse"]
    #expect(captured.session.run("resultater | where runde == $runde | count") != .success)
    #expect(captured.errors.contains("pass runde=VALUE after the script's name"))
    #expect(captured.errors.contains("parameters: kommune"))
  }
}
