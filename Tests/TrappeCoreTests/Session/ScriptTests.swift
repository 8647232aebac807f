import Testing
@testable import TrappeCore

@Suite struct ScriptTests {
  @Test func parametersAreSubstitutedAndUnknownOnesPointedAt() throws {
    let captured = CapturedSession()
    captured.session.parameters = ["kommune": "Slagelse"]
    #expect(try captured.session.substitutingParameters(in: "bench i_gang for $kommune") == "bench i_gang for Slagelse")
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
