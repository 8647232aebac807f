import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Test func brailleCanvasSetsTheDotBitsOfEachPosition() {
  var canvas = BrailleCanvas(columns: 2, rows: 1)
  canvas.setDot(x: 0, y: 0, style: 0, heavy: false)
  #expect(canvas.line(0, palette: nil) == "\u{2801} ")
  canvas.setDot(x: 1, y: 3, style: 0, heavy: false)
  #expect(canvas.line(0, palette: nil) == "\u{2881} ")
  canvas.setDot(x: 3, y: 2, style: 0, heavy: false)
  #expect(canvas.line(0, palette: nil) == "\u{2881}\u{2820}")
  canvas.setDot(x: 9, y: 9, style: 0, heavy: false)  // outside: ignored
  #expect(canvas.bits == [0x81, 0x20])
}

@Test func brailleCanvasFullCellAndOverlay() {
  var canvas = BrailleCanvas(columns: 1, rows: 2)
  for x in 0..<2 { for y in 0..<4 { canvas.setDot(x: x, y: y, style: 0, heavy: false) } }
  #expect(canvas.line(0, palette: nil) == "⣿")
  #expect(canvas.line(1, palette: nil) == " ")
  canvas.put("A", column: 0, row: 1, style: 0)
  #expect(canvas.lines(palette: nil) == ["⣿", "A"])
}

@Test func canvasLinesJoinEndpoints() {
  var canvas = AsciiCanvas(columns: 5, rows: 3)
  canvas.drawLine(from: (0, 2), to: (4, 0), style: 0, heavy: false)
  #expect(canvas.lines(palette: nil).joined().filter { $0 == "." }.count == 5)
  #expect(canvas.line(2, palette: nil).first == ".")
  #expect(canvas.line(0, palette: nil).last == ".")
}

@Test func sparklineLevelsSpanTheLine() {
  #expect(SparklineChart.level(0, low: 0, high: 10) == 0)
  #expect(SparklineChart.level(10, low: 0, high: 10) == 7)
  #expect(SparklineChart.level(5, low: 0, high: 10) == 4)
  #expect(SparklineChart.level(3, low: 3, high: 3) == 3)
  #expect(SparklineChart.spark([1, nil, 3, 2], width: 10, charset: .unicode) == "▁ █▅")
  #expect(SparklineChart.spark([1, 2, 3, 4], width: 2, charset: .ascii) == "_@")
}

@Test func axisPlacementPutsTicksOnRows() {
  let scale = AxisScale(covering: 0, 100, ticks: 5, includeZero: false)
  #expect(PlotFrame.dotY(100, scale: scale, dotsHigh: 40) == 0)
  #expect(PlotFrame.dotY(0, scale: scale, dotsHigh: 40) == 39)
  let frame = PlotFrame(yScale: scale, locale: .plain, charset: .unicode)
  let labels = frame.yLabels(dotsHigh: 40, dotsPerRow: 4)
  #expect(labels[0] == "100")
  #expect(labels[9] == "0")
  #expect(PlotFrame.dotX(5, low: 0, high: 10, dotsWide: 11) == 5)
  #expect(PlotFrame.dotX(5, low: 5, high: 5, dotsWide: 11) == 5)
  #expect(PlotFrame.placeLabels([(0, "2007"), (2, "2008"), (8, "2009")], width: 20) == "2007   2009")
}

@Test func trendNumbersKeepTheirDecimals() {
  #expect(TrendCharts.number(10, decimals: 1, locale: .plain) == "10.0")
  #expect(TrendCharts.number(-0.94, decimals: 1, locale: .danish) == "-0,9")
  #expect(TrendCharts.number(12345.67, decimals: 0, locale: .danish) == "12.346")
}

@Test(arguments: [40, 57, 80, 123, 160, 300])
func trendChartsNeverExceedTheWidth(width: Int) throws {
  let names = ["Slagelse", "Aarhus", "Høje-Taastrup Kommune med et meget langt navn", "Ærø"]
  var labels: [String?] = []
  var xs: [Double?] = []
  var series: [String?] = []
  var values: [Double?] = []
  for (i, name) in names.enumerated() {
    for year in 0..<16 {
      labels.append(String(2007 + year))
      xs.append(Double(2007 + year))
      series.append(name)
      values.append(year == 5 && i == 1 ? nil : Double((year * 37 + i * 11) % 23) - 8.5)
    }
  }
  let data = ChartData(
    labels: labels, labelName: "aar", values: [("ledige", values)], series: series, seriesName: "kommune", xValues: xs)
  var options = ChartOptions()
  options.highlight = "Ærø"
  options.target = 3
  for charset in [ChartCharset.unicode, .ascii] {
    for height in [4, 16, 200] {
      let settings = ChartSettings(width: width, height: height, locale: .danish, charset: charset, color: true)
      for kind in [ChartKind.line, .sparkline, .scatter] {
        let lines = try TrendCharts.draw(kind, data: data, options: options, settings: settings)
        #expect(!lines.isEmpty)
        for line in lines {
          #expect(DisplayWidth.of(TerminalText.strippingEscapes(line)) <= width, "\(kind) \(charset) \(height): \(line)")
        }
      }
    }
  }
}
