import TrappeBase
import TrappeIO

/// Points of two numeric columns on a braille (or ASCII `*`) canvas, with axes on both sides.
///
/// The x column is `x=` (or the first numeric column), y the next value column. Points
/// are labelled by the first text column when the table has one and `x=` is not a
/// text column; `highlight=NAME` marks and labels that point (or series).
enum ScatterChart {
  /// The chart lines, each at most `settings.width` columns.
  static func draw(data: ChartData, options: ChartOptions, settings: ChartSettings) throws(Diagnostic) -> [String] {
    let width = settings.width
    let unicode = settings.charset == .unicode
    var xs: [Double?]
    var ys: [Double?]
    var names: [String?]
    let xName: String
    let yName: String
    if let numbers = data.xValues, let first = data.values.first {
      xs = numbers
      ys = first.values
      // ChartRoles names scatter points by the first text column even when x= is numeric.
      names = data.series ?? data.labels
      xName = options.x ?? data.labelName
      yName = first.name
    } else if data.values.count >= 2 {
      xs = data.values[0].values
      ys = data.values[1].values
      names = data.labels
      xName = data.values[0].name
      yName = data.values[1].name
    } else {
      throw Diagnostic(.error, "a scatter chart needs two numeric columns", hints: ["name them with x=COLUMN y=COLUMN"])
    }
    // Series: a few give markers and a legend; many are only labels for highlight=.
    // Distinct series in order of appearance (a set: a million points must not cost n x series).
    let seriesNames: [String] = data.series.map { s in
      var seen = Set<String>()
      return s.compactMap { $0 }.filter { seen.insert($0).inserted }
    } ?? []
    if Interrupt.isRequested { return [] }
    let useSeries = !seriesNames.isEmpty && seriesNames.count <= LineChart.maxSeries
    if let series = data.series, data.xValues == nil { names = zip(names, series).map { $0.0 ?? $0.1 } }
    let rowsDrawn = (0..<data.count).filter { xs[$0] != nil && ys[$0] != nil }
    if Interrupt.isRequested { return [] }
    guard !rowsDrawn.isEmpty else { return ["(nothing to draw: no row has both \(xName) and \(yName))"] }
    let xv = rowsDrawn.compactMap { xs[$0] }
    let yv = rowsDrawn.compactMap { ys[$0] }
    if Interrupt.isRequested { return [] }
    let rows = max(2, settings.height)
    let yScale = AxisScale(
      covering: TrendCharts.padded(yv).low, TrendCharts.padded(yv).high, ticks: PlotFrame.tickCount(rows: rows), includeZero: false)
    var frame = PlotFrame(yScale: yScale, locale: settings.locale, charset: settings.charset)
    let dotsPerRow = unicode ? 4 : 1
    let gutter = frame.gutter(dotsHigh: rows * dotsPerRow, dotsPerRow: dotsPerRow)
    let plotColumns = max(4, width - gutter - 2)
    let xScale = AxisScale(
      covering: TrendCharts.padded(xv).low, TrendCharts.padded(xv).high, ticks: max(2, min(10, plotColumns / 10)), includeZero: false)
    var canvas: any DotCanvas =
      unicode ? BrailleCanvas(columns: plotColumns, rows: rows) : AsciiCanvas(columns: plotColumns, rows: rows, dot: "*")
    func position(_ row: Int) -> (x: Int, y: Int) {
      (PlotFrame.dotX(xs[row] ?? 0, low: xScale.low, high: xScale.high, dotsWide: canvas.dotsWide),
       PlotFrame.dotY(ys[row] ?? 0, scale: yScale, dotsHigh: canvas.dotsHigh))
    }
    let markers = useSeries ? LineChart.markers(seriesNames, highlighted: false, unicode: unicode) : []
    for row in rowsDrawn {
      if ChartStop.atRow(row) { break }
      let p = position(row)
      if useSeries, let s = data.series?[row], let i = seriesNames.firstIndex(of: s) {
        canvas.put(markers[i], column: p.x / canvas.dotsPerColumn, row: p.y / canvas.dotsPerRow, style: i)
      } else {
        canvas.setDot(x: p.x, y: p.y, style: 0, heavy: false)
      }
    }
    var notes: [String] = []
    if let h = options.highlight {
      let matches = rowsDrawn.filter { names[$0] == h || data.series?[$0] == h }
      if matches.isEmpty {
        let labelled = names.contains { $0 != nil }
        notes.append(
          labelled
            ? "highlight=\(h): no point labelled '\(h)'"
            : "highlight=\(h): the points have no names (the result has no text column)")
      }
      let style = PlotFrame.palette.count - 1
      for row in matches {
        let p = position(row)
        let column = p.x / canvas.dotsPerColumn
        let line = p.y / canvas.dotsPerRow
        canvas.put(unicode ? "◉" : "@", column: column, row: line, style: style)
        let label = names[row] ?? h
        let w = label.count + 1
        if column + w < canvas.columns {
          canvas.write(" " + label, column: column + 1, row: line, style: style)
        } else if column - w >= 0 {
          canvas.write(label + " ", column: column - w, row: line, style: style)
        }
      }
    }
    for tick in xScale.ticks where tick <= xScale.high + xScale.step / 1e6 {
      let column = PlotFrame.dotX(tick, low: xScale.low, high: xScale.high, dotsWide: canvas.dotsWide) / canvas.dotsPerColumn
      frame.xTicks.append((column, xScale.label(tick, locale: settings.locale)))
    }
    var lines = [TerminalText.truncate("\(yName) (up) by \(xName) (across)", to: width)]
    let palette = settings.color ? PlotFrame.palette : nil
    lines += frame.frame(
      canvas.lines(palette: palette), labels: frame.yLabels(dotsHigh: canvas.dotsHigh, dotsPerRow: canvas.dotsPerRow),
      gutter: gutter, plotColumns: plotColumns, width: width)
    if useSeries {
      let entries = seriesNames.enumerated().map { "\(markers[$0.offset]) \($0.element)" }
      lines += TerminalText.wrapSegments(entries, width: width)
    }
    var count = "\(rowsDrawn.count) points"
    if rowsDrawn.count < data.count { count += "; \(data.count - rowsDrawn.count) rows with NULL not drawn" }
    notes.insert(count, at: 0)
    for note in notes { lines += TerminalText.wrapIfNeeded(note, width: width) }
    return lines
  }
}
