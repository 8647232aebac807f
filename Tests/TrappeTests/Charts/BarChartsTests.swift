import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Test func barLengthsUseEighthBlocks() {
  let fill = BarFill(glyph: "█", fractional: true, style: nil)
  #expect(String(BarGeometry.rightBar(3, fill: fill)) == "███")
  #expect(String(BarGeometry.rightBar(2.5, fill: fill)) == "██▌")
  #expect(String(BarGeometry.rightBar(0.125, fill: fill)) == "▏")
  #expect(String(BarGeometry.rightBar(0.01, fill: fill)) == "▏")
  #expect(String(BarGeometry.rightBar(1.99, fill: fill)) == "██")
  #expect(BarGeometry.rightBar(0, fill: fill).isEmpty)
  #expect(String(BarGeometry.rightBar(2.6, fill: BarFill(glyph: "#", fractional: false, style: nil))) == "###")
}

@Test func negativeBarsGrowLeftWithRightAlignedEnds() {
  let fill = BarFill(glyph: "█", fractional: true, style: nil)
  #expect(String(BarGeometry.leftBar(2.5, fill: fill)) == "▐██")
  #expect(String(BarGeometry.leftBar(2.9, fill: fill)) == "███")
  #expect(String(BarGeometry.leftBar(1.2, fill: fill)) == "▕█")
}

@Test func columnCellsUseLowerEighths() {
  let fill = BarFill(glyph: "█", fractional: true, style: nil)
  #expect(BarGeometry.columnCell(1, fill: fill) == "█")
  #expect(BarGeometry.columnCell(0.5, fill: fill) == "▄")
  #expect(BarGeometry.columnCell(0, fill: fill) == " ")
}

@Test func barNumbersUseTwoDecimalsUnlessTheDataNeedsMore() {
  #expect(BarNumbers([1, 2, 300], locale: .plain).text(300) == "300")
  #expect(BarNumbers([11.963, 2], locale: .plain).text(11.963) == "11.96")
  #expect(BarNumbers([11.963, 2], locale: .danish).text(11.963) == "11,96")
  #expect(BarNumbers([0.0123, 0.05], locale: .plain).text(0.0123) == "0.012")
  #expect(BarNumbers([1.5], locale: .plain).text(nil) == "NULL")
}

@Test func plotPutsZeroLineBetweenNegativeAndPositiveCells() {
  let plot = HorizontalBarPlot(low: -5, high: 5, width: 40, leftText: 3, rightText: 3, glyphs: BarGlyphs(ChartSettings()))
  #expect(plot.width == 40)
  #expect(plot.negativeCells == plot.positiveCells)
  #expect(plot.column(0) == plot.zeroColumn)
  #expect(plot.column(5) == plot.zeroColumn + plot.positiveCells)
  #expect(plot.column(-5) == plot.zeroColumn - plot.negativeCells)
}

@Test(arguments: [40, 80, 160])
func barChartLinesNeverExceedTheWidth(_ width: Int) throws {
  let long = "Aarhus Kommune, Jobcenter og Ydelsesservice, afdeling for virksomhedsrettede indsatser"
  let data = ChartData(
    labels: [long, "Gladsaxe", nil, "Slagelse", "Aabenraa"], labelName: "kommune",
    values: [
      ("value", [123456.789, -42.5, nil, 0.5, 98765]),
      ("peer_value", [100000, 10, 5, nil, 90000]),
      ("national_value", [110000, -20, 7, 1, 80000]),
    ],
    series: nil, seriesName: nil, xValues: nil)
  let grouped = ChartData(
    labels: ["A", "A", "B", "B", long], labelName: "kommune", values: [("startet", [10, 20, 30, nil, 123456])],
    series: ["dansk", "indvandrer", "dansk", "indvandrer", "dansk"], seriesName: "herkomst", xValues: nil)
  var options = ChartOptions()
  options.target = 25
  options.highlight = "Slagelse"
  for charset in [ChartCharset.unicode, .ascii] {
    let settings = ChartSettings(width: width, height: 12, locale: .danish, charset: charset)
    for kind in BarCharts.kinds {
      let input = kind == .grouped || kind == .stacked ? grouped : data
      let lines = try BarCharts.draw(kind, data: input, options: options, settings: settings)
      #expect(!lines.isEmpty)
      for line in lines {
        #expect(DisplayWidth.of(line) <= width, "\(kind) \(charset) \(width): \(line)")
        if charset == .ascii { #expect(line.unicodeScalars.allSatisfy { $0.isASCII } || line.contains("…") || line.contains("ø") || line.contains("å")) }
      }
    }
  }
}
