import TrappeBase
import TrappeIO

/// The frame around a plotted canvas: y tick labels and axis on the left, x axis and labels below.
struct PlotFrame {
  /// The y scale and the canvas rows its ticks fall on.
  var yScale: AxisScale
  /// The x ticks: canvas column and label.
  var xTicks: [(column: Int, label: String)] = []
  var locale: NumberLocale
  var charset: ChartCharset

  /// The number of y ticks that suit a plot `rows` lines high.
  static func tickCount(rows: Int) -> Int { max(2, min(10, rows / 3)) }

  /// The tick labels per canvas row, for a canvas with `dotsHigh` dots and `dotsPerRow` dots a row.
  func yLabels(dotsHigh: Int, dotsPerRow: Int) -> [Int: String] {
    var labels: [Int: String] = [:]
    for tick in yScale.ticks where tick >= yScale.low - yScale.step / 1e6 && tick <= yScale.high + yScale.step / 1e6 {
      let row = Self.dotY(tick, scale: yScale, dotsHigh: dotsHigh) / max(1, dotsPerRow)
      if labels[row] == nil { labels[row] = yScale.label(tick, locale: locale) }
    }
    return labels
  }

  /// The gutter width the y labels need (labels plus one space).
  func gutter(dotsHigh: Int, dotsPerRow: Int) -> Int {
    (yLabels(dotsHigh: dotsHigh, dotsPerRow: dotsPerRow).values.map { DisplayWidth.of($0) }.max() ?? 1) + 1
  }

  /// The dot row of `value` on a canvas `dotsHigh` dots high (0 at the top, `high` of the scale).
  static func dotY(_ value: Double, scale: AxisScale, dotsHigh: Int) -> Int {
    let position = scale.position(value, length: max(1, dotsHigh - 1))
    return max(0, dotsHigh - 1 - Int(cells: position.rounded()))
  }

  /// The dot column of `value` on a scale from `low` to `high` over `dotsWide` dots (the middle when flat).
  static func dotX(_ value: Double, low: Double, high: Double, dotsWide: Int) -> Int {
    guard high > low else { return (dotsWide - 1) / 2 }
    let fraction = max(0, min(1, (value - low) / (high - low)))
    return Int(cells: (fraction * Double(max(0, dotsWide - 1))).rounded())
  }

  /// The framed chart lines: `canvasLines` (already rendered rows) with axes, at most `width` columns.
  func frame(_ canvasLines: [String], labels: [Int: String], gutter: Int, plotColumns: Int, width: Int) -> [String] {
    let unicode = charset == .unicode
    var lines: [String] = []
    for (row, text) in canvasLines.enumerated() {
      let label = labels[row]
      let axis = label == nil ? (unicode ? "│" : "|") : (unicode ? "┤" : "+")
      lines.append(TerminalText.fit(label ?? "", width: gutter - 1, alignment: .right) + " " + axis + text)
    }
    var axis = [Character](repeating: unicode ? "─" : "-", count: plotColumns)
    for tick in xTicks where tick.column >= 0 && tick.column < plotColumns {
      axis[tick.column] = unicode ? "┬" : "+"
    }
    lines.append(TerminalText.spaces(gutter) + (unicode ? "└" : "+") + String(axis))
    lines.append(Self.placeLabels(xTicks.map { (gutter + 1 + $0.column, $0.label) }, width: width))
    return lines
  }

  /// Labels centred on their columns where they fit without touching each other, within `width`.
  static func placeLabels(_ labels: [(column: Int, label: String)], width: Int) -> String {
    var text = ""
    var used = 0
    for (column, label) in labels {
      let w = DisplayWidth.of(label)
      guard w < width else { continue }
      var start = column - (w - 1) / 2
      start = max(start, 0)
      start = min(start, width - w)
      if start < used + (used == 0 ? 0 : 1) { continue }
      text += TerminalText.spaces(start - used) + label
      used = start + w
    }
    return text
  }

  /// The chart palette: ANSI SGR codes for series styles (index = style).
  static let palette = ["34", "31", "32", "35", "36", "33", "94", "91", "92", "95"]
}
