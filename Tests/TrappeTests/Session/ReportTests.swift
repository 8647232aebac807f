import Testing
import Foundation
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeCharts
@testable import TrappeShell
import TrappeTestSupport

@Suite struct ResultFooterTests {
  /// Bench's notes, as the analysis writes them (shortened): definitions of every output column.
  let notes = [
    "measure i_gang = 100 * sum(startet) / sum(personer)",
    "peer_value: peers (k=10); pooled values are sums of numerators / sums of denominators",
    "national_value: all municipalities; top10_value: the 10 best",
    "diff_peers, diff_national: value minus the other; ranks: 1 = highest value",
    "n: the denominator",
    "peers of A: B, C, D",
    "peers of E: F, G, H",
    "excluded from the peers: A, E",
  ]
  let analysis = [
    "kommune", "value", "peer_value", "national_value", "top10_value", "diff_peers", "diff_national", "rank_peers",
    "rank_national", "n",
  ]

  @Test func definitionsOfColumnsNotInTheResultAreLeftOut() {
    let shown = ResultFooter.shownNotes(notes, columns: ["kommune", "value"], analysisColumns: analysis)
    #expect(
      shown == [
        "measure i_gang = 100 * sum(startet) / sum(personer)",
        "peers of A, E: 3 each (.notes or `peers NAME` lists them)",
        "excluded from the peers: A, E",
      ])
  }

  @Test func aPartWithoutAHeadStaysWithTheColumnBeforeIt() {
    let shown = ResultFooter.shownNotes(
      notes, columns: ["kommune", "peer_value", "top10_value", "rank_peers"], analysisColumns: analysis,
      collapsingPeers: false)
    #expect(shown.contains("peer_value: peers (k=10); pooled values are sums of numerators / sums of denominators"))
    #expect(shown.contains("top10_value: the 10 best"))
    #expect(shown.contains("ranks: 1 = highest value"))
    #expect(shown.filter { $0.hasPrefix("peers of ") }.count == 2)
    #expect(!shown.contains { $0.hasPrefix("n:") })
  }

  @Test func shortIsOneLineAndOffKeepsOnlyTheLabel() {
    let footer = ResultFooter(
      name: "out1", sourceNames: ["resultater"], sources: ["resultater (generated)"],
      scope: "N = 10 rows · filters: none", shortScope: "N = 10", suppression: [], notes: ["a note"], shownNotes: ["a note"],
      reportNotes: ["a note"], nulledInputs: [], illustrative: true)
    #expect(
      footer.lines(.short) == [
        "Illustrative data, not real results · out1 from resultater · N = 10 · more: .notes"
      ])
    #expect(footer.lines(.off) == [ExportNotice.illustrative])
    #expect(footer.lines(.full).last == ExportNotice.illustrative)
    var real = footer
    real.illustrative = false
    #expect(real.lines(.off).isEmpty)
  }
}

@Suite struct ReportDocumentTests {
  @Test func commentsBecomeTitleHeadingsAndParagraphs() throws {
    let temporary = try TemporaryDirectory()
    let captured = CapturedSession()
    try captured.session.startReport(to: temporary.path + "/r.html", script: "r.trp")
    let script = """
      -- The title
      -- check with: a=b
      -- A paragraph under it

      -- First section
      -- Its explanation.
      kommuner | where kommune == "Slagelse" | select kommune, region

      -- Second <section>, a heading
      -- that goes on
      kommuner | count
      """
    var lines = ScriptSource.splitLines(script).makeIterator()
    _ = ScriptRunner(session: captured.session, file: "r.trp", keepGoing: false).run { lines.next() }
    _ = captured.session.run(".report off")
    let html = try TextFile.read(temporary.path + "/r.html")
    #expect(html.contains("<h1>The title</h1>"))
    #expect(!html.contains("check with"))
    #expect(html.contains("<p>A paragraph under it</p>"))
    #expect(html.contains("<h2>First section</h2>\n<p>Its explanation.</p>"))
    #expect(html.contains("<h2>Second &lt;section&gt;, a heading that goes on</h2>"))
    #expect(html.contains("<td>Slagelse</td><td>Region Sjælland</td>"))
    #expect(html.contains("<h2>Data</h2>"))
    #expect(!html.contains("<script"))
  }

  @Test func svgBarsHaveLengthsInProportionToTheValues() throws {
    let table = Table([
      ("kommune", .string(StringColumn(["A", "B"]))), ("value", .double(DoubleColumn([10, 20]))),
    ])
    let spec = try #require(try? QueryParser.parse("t | chart bar target=25"))
    guard case .pipeline(let pipeline) = spec, case .chart(let chart)? = pipeline.stages.last?.kind else {
      Issue.record("no chart stage")
      return
    }
    let options = try ChartOptions(chart, columns: ["kommune", "value"], source: SourceText("t | chart bar target=25"))
    let svg = try SVGChart.render(ChartModel.resolve(table, options: options, context: ChartContext()), locale: .plain)
    // Widths of the two bars: 20 is twice 10.
    let widths = svg.split(separator: "<rect ").dropFirst().compactMap { rect -> Double? in
      guard let start = rect.range(of: "width=\""), let end = rect[start.upperBound...].firstIndex(of: "\"") else {
        return nil
      }
      return Double(rect[start.upperBound..<end])
    }
    #expect(widths.count == 2)
    #expect(abs(widths[1] - 2 * widths[0]) < 0.5)
    #expect(svg.contains("target 25"))
    #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
  }
}
