import Testing
@testable import TrappeBase
@testable import TrappeIO
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

@Suite struct PresentationTests {
  let datasets = DatasetRegistry(directories: [ProjectRoot.datasets])

  @Test func statementsTakeTheCommentAboveAsTitleAndTheirLine() {
    let statements = Presentation.statements(
      of: "-- intro\n\n-- Counting\n-- the regions\nkommuner\n| count\n.mode csv\n", needsMore: { _ in false })
    #expect(statements.count == 2)
    #expect(statements[0] == Presentation.Statement(title: "Counting the regions", text: "kommuner\n| count", line: 5))
    #expect(statements[1] == Presentation.Statement(title: "", text: ".mode csv", line: 7))
  }

  @Test func screensShowTitleCommandOutputAndKeys() {
    let presentation = Presentation(
      script: "-- How many\nkommuner | count\n", name: "p.trp", parameters: [:], datasets: datasets)
    let screen = presentation.screen(0, width: 60, height: 20).map(TerminalText.strippingEscapes)
    #expect(screen.first?.hasPrefix("Step 1/1 · How many") == true)
    #expect(screen[1] == "trappe> kommuner | count")
    #expect(screen.contains { $0.contains("98") })
    #expect(screen.count == 20)
    #expect(screen.last == TerminalText.truncate(PresentationScreen.keys, to: 60))
  }

  /// Review P2 #21: `.locale da`, `.maxrows`, `let` and `measure` print no result, so they are
  /// no steps; they still run before the step after them (the Danish decimal comma shows).
  @Test func setupLinesAreNotSteps() {
    let script = """
      .locale da
      .maxrows 6
      let k = kommuner | where region == "Region Sjælland"
      -- Half the count
      k | summarize n = count() | extend half = n / 2.0
      """
    let presentation = Presentation(script: script, name: "s.trp", parameters: [:], datasets: datasets)
    #expect(presentation.problems.isEmpty)
    #expect(presentation.steps.count == 1)
    #expect(presentation.setupCount == 3)
    #expect(presentation.steps[0].title == "Half the count")
    // Region Sjælland has 17 municipalities: half is 8.5, written 8,5 under .locale da.
    #expect(presentation.screen(0, width: 80, height: 24).contains { $0.contains("8,5") })
  }

  /// Review P2 #21: the pre-flight reports errors at the script's line and column.
  @Test func preflightPlacesErrorsInTheScript() {
    let script = "-- one\nkommuner | count\n\n-- two\nkommuner | where nosuch == 1\n"
    let presentation = Presentation(script: script, name: "e.trp", parameters: [:], datasets: datasets)
    #expect(presentation.problems.count == 1)
    #expect(presentation.problems.first?.hasPrefix("e.trp:5:18: error:") == true)
  }

  /// Review P1 #3: a long table is cut to the screen and the pinned line keeps the label.
  @Test func stepsFitTheScreenWithTheLabelPinned() {
    let presentation = Presentation(
      script: "resultater | where runde == 5 | gap by runde", name: "g.trp", parameters: [:], datasets: datasets)
    for (width, height) in [(80, 24), (100, 30)] {
      let screen = presentation.screen(0, width: width, height: height).map(TerminalText.strippingEscapes)
      #expect(screen.count == height)
      #expect(screen.allSatisfy { DisplayWidth.of($0) <= width })
      #expect(screen[height - 2] == Session.illustrativeNotice)
      #expect(!screen.contains { $0.contains("more lines") })
      #expect(screen.contains { $0.hasPrefix("└") })
    }
  }

  /// The footer is taken apart at the `outN ·` line: source and N stay, a unit note of a shown
  /// column stays, the label is pinned, other notes fill the room that is left.
  @Test func outputKeepsEssentialsAndUnitNotes() {
    let text = """
      ┌─────┬───────┐
      │ maal│ short │
      └─────┴───────┘
      out4 · source: resultater (generated)
      N = 2940 rows summarized · filters: runde == 5
      targets (maal): i_gang >= 25 %
      short in persons (rounded up): i_gang
      pace: value change per runde
      \(Session.illustrativeNotice)

      """
    let output = PresentationOutput(text, notice: Session.illustrativeNotice)
    #expect(output.body.count == 3)
    #expect(output.illustrative)
    #expect(
      output.essentials == [
        "out4 · source: resultater (generated)", "N = 2940 rows summarized · filters: runde == 5",
        "short in persons (rounded up): i_gang",
      ])
    #expect(output.notes == ["targets (maal): i_gang >= 25 %", "pace: value change per runde"])
    #expect(output.notes(fitting: 2) == output.notes)
    #expect(output.notes(fitting: 1) == ["… 2 more notes (press i to read them)"])
    #expect(PresentationOutput.isResultName("out12") && !PresentationOutput.isResultName("outcome · x"))
  }

  @Test func theCommandIsShownWithItsParametersFilledIn() {
    let presentation = Presentation(
      script: "kommuner | where kommune == \"$kommune\" | select kommune, region", name: "k.trp",
      parameters: ["kommune": "Slagelse"], datasets: datasets)
    let screen = presentation.screen(0, width: 100, height: 20)
    #expect(screen[1] == "trappe> kommuner | where kommune == \"Slagelse\" | select kommune, region")
    #expect(screen.contains { $0.contains("Region Sjælland") })
  }

  @Test func forceIsAnOption() throws {
    let options = try LaunchOptions.parse(["--present", "--force", "r.trp"])
    #expect(options.present && options.force && options.script == "r.trp")
  }

  @Test func keysAreDecodedWhole() {
    func key(_ bytes: [UInt8]) -> PresentationKey { PresentationKey.decode(bytes, complete: true).key }
    #expect(key([0x1B, 0x5B, 0x42]) == .next)  // ↓
    #expect(key([0x1B, 0x5B, 0x43]) == .next)  // →
    #expect(key([0x1B, 0x5B, 0x36, 0x7E]) == .next)  // PgDn
    #expect(key([0x1B, 0x5B, 0x41]) == .back)  // ↑
    #expect(key([0x1B, 0x5B, 0x44]) == .back)  // ←
    #expect(key([0x1B, 0x5B, 0x35, 0x7E]) == .back)  // PgUp
    #expect(key([0x1B, 0x4F, 0x48]) == .first)  // Home (SS3)
    #expect(key([0x1B, 0x5B, 0x34, 0x7E]) == .last)  // End
    #expect(key([0x1B]) == .escape)
    #expect(PresentationKey.decode([0x1B, 0x5B], complete: false).length == 0)
    #expect(PresentationKey.decode([0x1B, 0x5B, 0x42, 0x62], complete: true).length == 3)
    #expect(key([UInt8(ascii: "b")]) == .back)
    #expect(key([13]) == .next)
  }
}
