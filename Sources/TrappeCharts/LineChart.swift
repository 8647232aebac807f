import TrappeBase
import TrappeIO

/// Lines over an x column (periods, rounds, years), one per series, with axes and a legend.
///
/// Without colour each series is told apart by its marker at the data points (the
/// series' first letter, or digits 1–9 when first letters repeat) and, with `.charset ascii`,
/// by the character its line is drawn with (`.`, `+`, `x`, ...); the legend shows both. The
/// highlighted series is drawn heavier with its own marker and listed first. A step chart
/// (survival curves) holds each value until the next x.
enum LineChart {
  /// At most this many series are drawn; more are cut to ``keptSeries``.
  static let maxSeries = 9
  static let keptSeries = 8

  /// The chart lines, each at most `settings.width` columns.
  static func draw(data: ChartData, options: ChartOptions, settings: ChartSettings, step: Bool = false) -> [String] {
    let width = max(20, settings.width)
    let unicode = settings.charset == .unicode
    let valued = TrendSeries.from(data).filter { $0.points.contains { $0.y != nil } }
    guard !valued.isEmpty else { return ["(nothing to draw: every value is NULL)"] }
    var notes: [String] = []
    var drawn = valued
    if drawn.count > maxSeries {
      var ranked = drawn.enumerated().sorted {
        let a = $0.element.lastValue ?? -Double.infinity
        let b = $1.element.lastValue ?? -Double.infinity
        return a != b ? a > b : $0.offset < $1.offset
      }.map(\.element.name)
      ranked = Array(ranked.prefix(keptSeries))
      if let h = options.highlight, valued.contains(where: { $0.name == h }), !ranked.contains(h) {
        ranked[keptSeries - 1] = h
      }
      drawn = valued.filter { ranked.contains($0.name) }
      notes.append("\(valued.count - drawn.count) other series not drawn (showing the \(keptSeries) with the largest last value)")
    }
    var highlighted = false
    if let h = options.highlight {
      if let i = drawn.firstIndex(where: { $0.name == h }) {
        let series = drawn.remove(at: i)
        drawn.insert(series, at: 0)
        highlighted = true
      } else {
        notes.append("highlight=\(h): no series named '\(h)'")
      }
    }
    let markers = self.markers(drawn.map(\.name), highlighted: highlighted, unicode: unicode)

    // Scales.
    let ys = drawn.flatMap { $0.points.compactMap(\.y) } + (options.target.map { [$0] } ?? [])
    let xs = drawn.flatMap { $0.points.map(\.x) }
    let minX = xs.min() ?? 0
    let maxX = xs.max() ?? 0
    let rows = max(2, settings.height)
    let scale = AxisScale(
      covering: TrendCharts.padded(ys).low, TrendCharts.padded(ys).high, ticks: PlotFrame.tickCount(rows: rows), includeZero: false)
    var frame = PlotFrame(yScale: scale, locale: settings.locale, charset: settings.charset)
    let dotsPerRow = unicode ? 4 : 1
    let gutter = frame.gutter(dotsHigh: rows * dotsPerRow, dotsPerRow: dotsPerRow)
    let plotColumns = max(4, width - gutter - 2)
    let lineGlyphs = drawn.indices.map { asciiLine($0, highlighted: highlighted) }
    var canvas: any DotCanvas =
      unicode
      ? BrailleCanvas(columns: plotColumns, rows: rows)
      : AsciiCanvas(columns: plotColumns, rows: rows, dots: lineGlyphs)
    func position(_ x: Double, _ y: Double) -> (x: Int, y: Int) {
      (PlotFrame.dotX(x, low: minX, high: maxX, dotsWide: canvas.dotsWide),
       PlotFrame.dotY(y, scale: scale, dotsHigh: canvas.dotsHigh))
    }

    // Target: a dashed line with its label at the right end.
    if let target = options.target {
      let y = position(minX, target).y
      let style = PlotFrame.palette.count - 1
      for column in 0..<canvas.columns where column % 2 == 0 {
        if unicode {
          canvas.setDot(x: column * 2, y: y, style: style, heavy: false)
          canvas.setDot(x: column * 2 + 1, y: y, style: style, heavy: false)
        } else {
          canvas.put("-", column: column, row: y, style: style)
        }
      }
    }

    // Lines (the highlighted series last, so that it is on top), then markers at the data points.
    let order = Array(drawn.indices.dropFirst()) + (drawn.isEmpty ? [] : [0])
    for i in order {
      let heavy = highlighted && i == 0
      var previous: (x: Int, y: Int)?
      for point in drawn[i].points {
        guard let y = point.y else {
          previous = nil
          continue
        }
        let here = position(point.x, y)
        if let previous, step {
          // Hold the value until the next x, then drop (or rise) to the new value.
          canvas.drawLine(from: previous, to: (here.x, previous.y), style: i, heavy: heavy)
          canvas.drawLine(from: (here.x, previous.y), to: here, style: i, heavy: heavy)
        } else if let previous {
          canvas.drawLine(from: previous, to: here, style: i, heavy: heavy)
        } else {
          canvas.setDot(x: here.x, y: here.y, style: i, heavy: heavy)
        }
        previous = here
      }
    }
    for i in order {
      for point in drawn[i].points {
        guard let y = point.y else { continue }
        let here = position(point.x, y)
        canvas.put(markers[i], column: here.x / canvas.dotsPerColumn, row: here.y / canvas.dotsPerRow, style: i)
      }
    }

    if let target = options.target {
      let label = " target \(TrendCharts.number(target, locale: settings.locale))\(unitSuffix(data.unit)) "
      let w = label.count
      let row = position(minX, target).y / canvas.dotsPerRow
      let start = canvas.columns - w
      let free = [row, row - 1, row + 1].first { r in
        r >= 0 && r < canvas.rows && !(start..<canvas.columns).contains { canvas.hasCharacter(column: $0, row: r) }
      }
      if w < canvas.columns { canvas.write(label, column: start, row: free ?? row, style: PlotFrame.palette.count - 1) }
    }

    // X ticks: the x values as written.
    var seen: Set<Double> = []
    for point in drawn.flatMap(\.points).sorted(by: { $0.x < $1.x }) where !seen.contains(point.x) {
      seen.insert(point.x)
      frame.xTicks.append((position(point.x, scale.low).x / canvas.dotsPerColumn, point.label))
    }

    var lines: [String] = []
    // The y axis title above the axis, the x axis title at the right end of the tick labels.
    let yTitle = data.yTitle.isEmpty ? (data.values.count == 1 ? (data.values.first?.name ?? "value") : "value") : data.yTitle
    lines.append(TerminalText.truncate(yTitle, to: width))
    let palette = settings.color ? PlotFrame.palette : nil
    let decimals = TrendCharts.decimals(ys)
    var framed = frame.frame(
      canvas.lines(palette: palette), labels: frame.yLabels(dotsHigh: canvas.dotsHigh, dotsPerRow: canvas.dotsPerRow),
      gutter: gutter, plotColumns: plotColumns, width: width)
    let xTitle = data.xTitle.isEmpty ? data.labelName : data.xTitle
    if let last = framed.last {
      let room = width - DisplayWidth.of(last) - 2
      if DisplayWidth.of(xTitle) <= room {
        framed[framed.count - 1] = last + TerminalText.spaces(width - DisplayWidth.of(last) - DisplayWidth.of(xTitle)) + xTitle
      } else {
        framed.append(TerminalText.fit(xTitle, width: width, alignment: .right))
      }
    }
    lines += framed
    var legend: [String] = []
    for (i, series) in drawn.enumerated() {
      let key = unicode ? String(markers[i]) : String(markers[i]) + String(repeating: lineGlyphs[i], count: 2)
      let marker = palette.map { "\u{1B}[\($0[i % $0.count])m\(key)\u{1B}[0m" } ?? key
      let notes = (highlighted && i == 0 ? ["highlighted"] : [])
        + (series.lastValue.map { ["last \(TrendCharts.number($0, decimals: decimals, locale: settings.locale))"] } ?? [])
      let suffix = notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ")"
      let room = max(8, width - DisplayWidth.of(key) - 1 - DisplayWidth.of(suffix))
      legend.append(marker + " " + TerminalText.truncate(series.name, to: room) + suffix)
    }
    if let target = options.target {
      legend.append((unicode ? "┄┄" : "--") + " target \(TrendCharts.number(target, locale: settings.locale))\(unitSuffix(data.unit))")
    }
    lines += BarLayout.legend(legend, width: width)
    for note in notes { lines += TerminalText.wrapIfNeeded(note, width: width) }
    return lines
  }

  /// The character series `index` draws its line with under `.charset ascii` (the
  /// highlighted series, first, keeps the heavy `o`).
  static func asciiLine(_ index: Int, highlighted: Bool) -> Character {
    if highlighted && index == 0 { return "o" }
    let glyphs: [Character] = [".", "*", "x", "~", "=", "%", "^", ":", ","]
    return glyphs[(highlighted ? index - 1 : index) % glyphs.count]
  }

  /// ` %` after a number in the unit `%`, ` UNIT` otherwise; empty without a unit.
  static func unitSuffix(_ unit: String?) -> String {
    guard let unit, !unit.isEmpty else { return "" }
    return " " + unit
  }

  /// A marker per series: first letters when they differ, otherwise digits 1–9;
  /// the highlighted series (the first, when `highlighted`) gets `●` (ASCII `@`).
  static func markers(_ names: [String], highlighted: Bool, unicode: Bool) -> [Character] {
    let others = highlighted ? Array(names.dropFirst()) : names
    let letters = others.map { name -> Character in
      let first = name.first.map { String($0).uppercased() } ?? "?"
      return first.count == 1 ? (first.first ?? "?") : "?"
    }
    let distinct = Set(letters).count == letters.count
      && letters.allSatisfy { $0.isLetter && (unicode || $0.isASCII) }
    var result = distinct
      ? letters
      : others.indices.map { Character(String(($0 % 9) + 1)) }
    if highlighted { result.insert(unicode ? "●" : "@", at: 0) }
    return result
  }
}
