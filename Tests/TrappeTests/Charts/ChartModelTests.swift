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

// Issue 15 (charts): default charts for analysis results (review P1 #4), series told apart
// without colour (P2 #13), units and axis titles (P2 #15, §9.10), y=a,b,c (§9.10), markers
// and value labels apart (P3 #34), no trailing spaces (P3 #35).

/// The chart a query draws in a 100-column session (stdout and stderr interleaved).
private func chart(_ query: String, width: Int = 100, charset: ChartCharset = .unicode) -> String {
  var settings = SessionSettings()
  settings.terminalWidth = width
  settings.charset = charset
  let captured = CapturedSession(settings: settings)
  _ = captured.session.run(query)
  return captured.take()
}

/// The model of a chart without a kind on `query`'s result.
private func model(_ query: String) throws -> ChartModel {
  let captured = CapturedSession()
  _ = captured.session.run(query)
  let table = try #require(captured.session.catalog.results.last?.table)
  // The unit as the measure defines it (i_gang: unit "%").
  return try ChartModel.resolve(
    table, options: ChartOptions(), context: ChartContext(query: query, unit: captured.session.measures.unit(of: "i_gang")))
}

@Test func benchByRundeDefaultsToLinesOverRunde() throws {
  let m = try model("bench i_gang for Slagelse by runde")
  #expect(m.kind == .line)
  #expect(m.options.x == "runde")
  #expect(m.data.values.map(\.name) == ["value", "peer_value", "national_value"])
  #expect(m.series.map(\.name) == ["value", "peer_value", "national_value"])
  #expect(m.series.map(\.marker) == ["V", "P", "N"])
  #expect(m.data.title == "bench i_gang for Slagelse by runde")
  #expect(m.data.xTitle == "runde")
  #expect(m.data.yTitle == "value (%)")
  let text = chart("bench i_gang for Slagelse by runde | chart")
  // Before: five bars all labelled "Slagelse".
  #expect(!text.contains("Slagelse │"))
  #expect(text.contains("default for this result: chart line x=runde y=value,peer_value,national_value"))
  #expect(text.contains("value (%)"))
  #expect(text.contains("V value (last 11.8)  P peer_value (last 10.8)  N national_value (last 10.8)"))
}

@Test func benchOfSeveralMunicipalitiesByRundeDrawsALinePerMunicipality() throws {
  let m = try model("bench i_gang for Slagelse, Aarhus by runde")
  #expect(m.kind == .line)
  #expect(m.options.series == "kommune")
  #expect(Set(m.series.map(\.name)) == ["Slagelse", "Aarhus"])
}

@Test func survivalByGroupDefaultsToStepCurves() throws {
  let m = try model("survival for kontanthjælp by herkomst")
  #expect(m.kind == .step)
  #expect(m.options.x == "week")
  #expect(m.data.values.map(\.name) == ["still_on_pct"])
  #expect(m.series.map(\.name) == ["dansk", "efterkommer", "indvandrer"])
  #expect(m.data.yTitle == "still_on_pct (%)")
  let text = chart("survival for kontanthjælp by herkomst | chart")
  #expect(text.contains("default for this result: chart step x=week y=still_on_pct series=herkomst"))
}

@Test func gapDefaultsToBarsAgainstTheirTargets() throws {
  let m = try model("resultater | where runde == 5 | gap")
  #expect(m.kind == .bar)
  #expect(m.data.markerNames == ["threshold"])
  // One bar per measure and municipality, grouped by measure (a heading each): no row twice.
  let groups = try #require(m.data.groups)
  #expect(Set(zip(groups, m.data.labels).map { "\($0) \($1 ?? "")" }).count == m.data.count)
  #expect(groups == Array(repeating: "i_gang", count: 5) + Array(repeating: "selvforsoergende", count: 5)
    + Array(repeating: "aktivering", count: 5))
  #expect(m.data.labels.prefix(5) == ["Gladsaxe", "Fredensborg", "Slagelse", "Aabenraa", "Aarhus"])
  let text = chart("resultater | where runde == 5 | gap | chart")
  #expect(text.contains("┃ threshold (target)"))
}

@Test func flowDefaultsToAHeatmapFromTo() throws {
  let m = try model("flow from 1 to 5")
  #expect(m.kind == .heatmap)
  #expect(m.options.x == "from_status")
  #expect(m.options.series == "to_status")
}

@Test func barsThatWouldRepeatACategoryAreRefusedWithTheChartToAskFor() {
  let text = chart("resultater | where kommune == \"Slagelse\" | summarize startet = sum(startet) by kommune, runde | chart")
  #expect(text.contains("error: no default chart for this result: several rows per kommune"))
  #expect(text.contains("chart line x=runde series=kommune"))
}

@Test func wideColumnsMakeSeveralSeries() {
  let text = chart("bench i_gang for Slagelse by runde | chart line x=runde y=value,peer_value target=25")
  #expect(!text.contains("error"))
  #expect(text.contains("V value"))
  #expect(text.contains("P peer_value"))
  #expect(text.contains("target 25 %"))
  let wrong = chart("bench i_gang for Slagelse by runde | chart line x=runde,kommune y=value")
  #expect(wrong.contains("only y= takes several columns"))
}

@Test func asciiLineSeriesAreDrawnWithDifferentCharacters() {
  // Two series that cross: before, both were drawn with '.'.
  let data = ChartData(
    labels: ["1", "2", "3", "4", "5"], labelName: "runde",
    values: [("value", [10, 12, 14, 16, 18]), ("peer_value", [18, 16, 14, 12, 10])], series: nil, seriesName: nil,
    xValues: [1, 2, 3, 4, 5])
  let settings = ChartSettings(width: 60, height: 10, charset: .ascii)
  let lines = LineChart.draw(data: data, options: ChartOptions(), settings: settings)
  let plot = lines.filter { $0.contains("|") || $0.contains("+") }.joined()
  #expect(plot.contains("."))
  #expect(plot.contains("*"))
  #expect(lines.contains { $0.contains("V.. value") && $0.contains("P** peer_value") })
}

@Test func groupedBarsDifferInShadeAlsoWithColour() throws {
  let data = ChartData(
    labels: ["a", "a", "b", "b"], labelName: "k",
    values: [("n", [3, 4, 5, 6])], series: ["x", "y", "x", "y"], seriesName: "s", xValues: nil)
  let settings = ChartSettings(width: 60, height: 10, color: true)
  let lines = try GroupedBarChart.draw(data, options: ChartOptions(), settings: settings)
    .map(TerminalText.strippingEscapes)
  #expect(lines.contains { $0.contains("███") })
  #expect(lines.contains { $0.contains("▓▓▓") })
  #expect(lines.contains { $0.contains("██ x") && $0.contains("▓▓ y") })
}

@Test func barValueLabelsKeepASpaceFromMarkers() {
  // The review's row: value 14.51 with the national value just past the bar's end (`◆▎●14.51`).
  let glyphs = BarGlyphs(ChartSettings())
  let plot = HorizontalBarPlot(low: 0, high: 15, width: 60, leftText: 0, rightText: 5, glyphs: glyphs)
  let end = plot.length(14.51)
  let past = 15 * (end.rounded(.up) + 1) / Double(plot.positiveCells)
  let row = plot.row(
    14.51, fill: glyphs.plainFill, text: "14.51", markers: [(13.5, glyphs.peer), (past, glyphs.national)], target: nil
  ).joined()
  #expect(!row.contains("●1"))
  #expect(row.contains("● 14.51"))
  // Two markers on one column: both stay visible.
  let both = plot.row(5, fill: glyphs.plainFill, text: "5", markers: [(10, glyphs.peer), (10, glyphs.national)], target: nil)
    .joined()
  #expect(both.contains("◆") && both.contains("●"))
}

@Test func chartLinesHaveNoTrailingSpacesAndOneDecimalCountPerAxis() throws {
  let text = chart("bench i_gang for Slagelse by runde | chart line x=runde y=value,peer_value,national_value target=25")
  for line in text.split(separator: "\n") { #expect(line.last != " ", "\(line)") }
  let bars = chart("bench i_gang for Slagelse | chart")
  // 2 decimals on every value label, whole numbers included (10.00 next to 11.97, not 10).
  let labels = bars.split(separator: "\n").filter { $0.hasPrefix("Slagelse") }
  #expect(!labels.isEmpty)
  #expect(labels.allSatisfy { (try? #/\d+\.\d\d$/#.firstMatch(in: String($0))) != nil })
}

@Test func chartsShrinkToTheLinesTheyMayTake() throws {
  let captured = CapturedSession()
  _ = captured.session.run("bench i_gang for Slagelse against peers by runde")
  let table = try #require(captured.session.catalog.results.last?.table)
  var options = ChartOptions()
  options.kind = .line
  options.x = "runde"
  options.y = ["value"]
  options.target = 25
  let settings = ChartSettings(width: 100, height: 20, maxLines: 16)
  let text = try ChartRenderer.render(table, options: options, settings: settings, context: ChartContext(query: "q"))
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  #expect(lines.count <= 16)
  #expect(lines.first == "q")
  #expect(text.contains("target 25"))
}
