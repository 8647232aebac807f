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

@Suite struct ScriptTests {
  @Test func parametersAreSubstitutedAndUnknownOnesPointedAt() throws {
    let captured = CapturedSession()
    captured.session.parameters = ["kommune": "Slagelse"]
    #expect(try captured.session.substitutingParameters(in: "bench i_gang for $kommune") == "bench i_gang for \"Slagelse\"")
    #expect(try captured.session.substitutingParameters(in: "price $$5") == "price $5")
    do {
      _ = try captured.session.substitutingParameters(in: "x\ny | where k == $kommne")
      Issue.record("expected an error")
    } catch {
      #expect(error.message == "no parameter named 'kommne'")
      #expect(error.location?.line == 2)
      #expect(error.location?.column == 16)
      #expect(error.hints.first == "did you mean 'kommune'?")
    }
  }

  /// A parameter's value is data: it stays inside the string literal it is used in, and a
  /// bare reference becomes one literal token (reliability review D15). Expected texts are
  /// written by hand from the lexer's escapes (\" \' \\ \n \t).
  @Test func parameterValuesNeverBecomeSyntax() throws {
    let session = CapturedSession().session
    session.parameters = [
      "k": #"x" or kommune != "x"#, "stages": #"Aarhus" | extend p = 1 | where "a" == "a"#,
      "slash": #"a\b\"#, "lines": "a\nb\tc", "bar": "a | b; .quit", "single": "it's",
      "n": "3", "neg": "-2.5", "e": "1e3", "notnumber": "3 | take 1", "tick": "a`b",
    ]
    func sub(_ text: String) throws -> String { try session.substitutingParameters(in: text) }
    // Inside "...": the quotes are escaped, so the string ends where the script's quote is.
    #expect(try sub(#"where kommune == "$k""#) == #"where kommune == "x\" or kommune != \"x""#)
    #expect(try sub(#"where kommune == "$stages""#) == #"where kommune == "Aarhus\" | extend p = 1 | where \"a\" == \"a""#)
    // Backslashes doubled, line end and tab as \n and \t; | and ; are plain characters in a string.
    #expect(try sub(#"x == "$slash""#) == #"x == "a\\b\\""#)
    #expect(try sub(#"x == "$lines""#) == #"x == "a\nb\tc""#)
    #expect(try sub(#"x == "$bar""#) == #"x == "a | b; .quit""#)
    // In single quotes the single quote is escaped; a double quote needs no escape there.
    #expect(try sub("x == '$single'") == #"x == 'it\'s'"#)
    #expect(try sub("x == '$k'") == #"x == 'x" or kommune != "x'"#)
    // An escaped quote in the script's string does not end it: the value is still inside.
    #expect(try sub(#"x == "say \"$k\"""#) == #"x == "say \"x\" or kommune != \"x\"""#)
    // Bare: one number stays a number (a negative one in parentheses), anything else is a string.
    #expect(try sub("take $n") == "take 3")
    #expect(try sub("x > $neg") == "x > (-2.5)")
    #expect(try sub("x > $e") == "x > 1e3")
    #expect(try sub("take $notnumber") == #"take "3 | take 1""#)
    #expect(try sub("where kommune == $stages") == #"where kommune == "Aarhus\" | extend p = 1 | where \"a\" == \"a""#)
    #expect(try sub("x == $lines") == #"x == "a\nb\tc""#)
    // After a string closes, a reference is bare again; `#` comments are left alone.
    #expect(try sub(#"f("a", $n) # $unknown"#) == #"f("a", 3) # $unknown"#)
    // A backquoted name takes the value only without a backquote.
    #expect(try sub("select `$n`") == "select `3`")
    #expect(throws: Diagnostic.self) { try sub("select `$tick`") }
    // Meta command lines take the value as text, but never a line end.
    #expect(try sub(".save out_$n.csv") == ".save out_3.csv")
    #expect(throws: Diagnostic.self) { try sub(".save $lines") }
  }

  @Test func setDefinesAndListsParameters() {
    let captured = CapturedSession()
    #expect(captured.session.run(".set kommune Slagelse") == .success)
    #expect(captured.session.parameters["kommune"] == "Slagelse")
    #expect(captured.session.run(".set kommune") == .success)
    #expect(captured.standard.contains("kommune = Slagelse"))
    #expect(captured.session.run(".set 9x y") != .success)
  }

  @Test func dashDashLinesAreComments() {
    let captured = CapturedSession()
    var lines = ["-- a comment", ".mode csv", "-- another"].makeIterator()
    let status = ScriptRunner(session: captured.session, file: "s.trp", keepGoing: false).run { lines.next() }
    #expect(status == .succeeded)
    #expect(captured.session.settings.format == .csv)
  }

  @Test func unifiedDiffShowsRemovedThenAddedLinesWithContext() {
    let diff = LineDiff.unified("a\nb\nc\nd", "a\nb\nC\nd", oldName: "old", newName: "new")
    #expect(diff == "--- old\n+++ new\n@@ -1,4 +1,4 @@\n a\n b\n-c\n+C\n d\n")
    #expect(LineDiff.unified("same", "same", oldName: "a", newName: "b").isEmpty)
  }

  @Test func launchOptionsTakeScriptParametersAndCheck() throws {
    let options = try LaunchOptions.parse(["--check", "r.trp", "kommune=Slagelse", "runde=5"])
    #expect(options.check)
    #expect(options.script == "r.trp")
    #expect(options.parameters == ["kommune": "Slagelse", "runde": "5"])
  }
}

@Suite struct RecordingTests {
  @Test func recordsCommandsTablesAndDatasetsWithHashes() throws {
    let temporary = try TemporaryDirectory()
    let path = temporary.path + "/report.md"
    let captured = CapturedSession()
    captured.session.parameters = ["kommune": "Slagelse"]
    try captured.session.startRecording(to: path, script: "rapport.trp")
    #expect(captured.session.run("kommuner | where kommune == \"$kommune\" | select kommune, region") == .success)
    #expect(captured.session.run("nosuch") != .success)
    #expect(captured.session.run(".record off") == .success)
    let text = try TextFile.read(path)
    #expect(text.hasPrefix("# Trappe record of rapport.trp\n\n- script: `rapport.trp`\n- parameters: `kommune=Slagelse`\n"))
    #expect(text.contains("  - `kommuner` (`kommuner.csv`, FNV-1a "))
    #expect(text.contains("> kommuner | where kommune == \"$kommune\" | select kommune, region"))
    #expect(text.contains("| Slagelse | Region Sjælland |"))
    #expect(text.contains("error: unknown table 'nosuch'"))
    #expect(!text.contains(".record off"))
    // A replay writes the same file.
    let again = CapturedSession()
    again.session.parameters = ["kommune": "Slagelse"]
    try again.session.startRecording(to: path + "2", script: "rapport.trp")
    _ = again.session.run("kommuner | where kommune == \"$kommune\" | select kommune, region")
    _ = again.session.run("nosuch")
    _ = again.session.run(".record off")
    #expect(try TextFile.read(path + "2") == text)
  }
}
