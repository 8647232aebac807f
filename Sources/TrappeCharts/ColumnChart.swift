import TrappeBase
import TrappeIO

/// Vertical columns: blocks with eighths at the top, y ticks on the left, x labels (or numbers and a key) below.
enum ColumnChart {
  /// The chart's lines.
  static func draw(_ data: ChartData, options: ChartOptions, settings: ChartSettings) throws(Diagnostic) -> [String] {
    guard let column = data.values.first else { throw Diagnostic(.error, "the result has no numeric column to chart") }
    let glyphs = BarGlyphs(settings)
    let width = settings.width
    let values = column.values
    var (rows, others) = BarLayout.order(values, timeLike: data.xValues != nil, top: options.top)
    var extent = rows.compactMap { values[$0] }
    if let target = options.target { extent.append(target) }
    let height = Swift.max(3, settings.height - 2)
    let scale = AxisScale(covering: extent.min() ?? 0, extent.max() ?? 0, ticks: Swift.max(2, Swift.min(8, height / 3)))
    let below = scale.low < 0
      ? Swift.max(1, Swift.min(height - (scale.high > 0 ? 1 : 0), Int(cells: (Double(height) * (-scale.low / (scale.high - scale.low))).rounded())))
      : 0
    let above = height - below
    let tickLabels = scale.ticks.map { HorizontalBarPlot.tickLabel($0, scale: scale, locale: settings.locale) }
    let yWidth = tickLabels.map(\.count).max() ?? 1

    // Columns: one space, then `columnWidth` cells each; drop what does not fit.
    let room = width - yWidth - 1
    let fitting = Swift.max(1, room / 2)
    if rows.count > fitting {
      others += rows.count - fitting
      rows = Array(rows.prefix(fitting))
    }
    let columnWidth = Swift.max(1, Swift.min(8, room / Swift.max(1, rows.count) - 1))
    let plotWidth = rows.count * (columnWidth + 1)
    let fill = glyphs.plainFill

    func length(_ v: Double) -> Double {
      v >= 0 ? (scale.high > 0 ? Swift.min(1, v / scale.high) * Double(above) : 0)
        : (scale.low < 0 ? Swift.min(1, v / scale.low) * Double(below) : 0)
    }
    func grid(_ cell: (Double) -> Character, targetRow: Bool) -> [Character] {
      var line = Array(repeating: Character(" "), count: plotWidth)
      for (i, row) in rows.enumerated() {
        if ChartStop.atRow(i) { break }
        guard let v = values[row] else { continue }
        let c = cell(v)
        for k in 0..<columnWidth { line[1 + i * (columnWidth + 1) + k] = c }
      }
      if targetRow { for k in line.indices where line[k] == " " { line[k] = glyphs.targetLine } }
      return line
    }
    var yLabels: [Int: String] = [:]
    var zeroLabel = "0"
    for (tick, label) in zip(scale.ticks, tickLabels) {
      if tick == 0 { zeroLabel = label; continue }
      let cells = Int(cells: length(tick).rounded())
      guard cells >= 1 else { continue }
      let line = tick > 0 ? above - cells : above + 1 + cells - 1
      if yLabels[line] == nil { yLabels[line] = label }
    }
    let targetLine: Int? = options.target.map { t in
      let cells = Int(cells: length(t).rounded())
      return t >= 0 ? Swift.max(0, above - 1 - Swift.min(above - 1, cells)) : above + 1 + Swift.min(below - 1, Swift.max(0, cells - 1))
    }

    var lines: [String] = [TerminalText.truncate(data.yTitle.isEmpty ? column.name : data.yTitle, to: width)]
    for r in 0..<above {
      let k = Double(above - 1 - r)
      let cells = grid({ v in v > 0 ? BarGeometry.columnCell(length(v) - k, fill: fill) : " " }, targetRow: targetLine == r)
      lines.append(yLine(yLabels[r], yWidth, yLabels[r] == nil ? glyphs.yAxis : glyphs.yTick, cells))
    }
    lines.append(TerminalText.fit(zeroLabel, width: yWidth, alignment: .right) + String(below > 0 ? glyphs.origin : glyphs.corner)
      + String(repeating: glyphs.axis, count: plotWidth))
    for j in 0..<below {
      let r = above + 1 + j
      let cells = grid({ v in v < 0 ? BarGeometry.hangingCell(length(v) - Double(j), fill: fill) : " " }, targetRow: targetLine == r)
      lines.append(yLine(yLabels[r], yWidth, yLabels[r] == nil ? glyphs.yAxis : glyphs.yTick, cells))
    }

    let labels = rows.map { data.labels[$0] ?? "NULL" }
    let indent = TerminalText.spaces(yWidth + 1)
    var key: [String] = []
    if labels.allSatisfy({ DisplayWidth.of($0) <= columnWidth }) || columnWidth >= 7 {
      lines.append(BarLayout.trimmed(indent + labels.map { " " + TerminalText.fit($0, width: columnWidth, alignment: .center) }.joined()))
      if let last = lines.last, !data.xTitle.isEmpty {
        // The x title two spaces after the last label (the columns may end well before the width).
        let fits = DisplayWidth.of(last) + 2 + DisplayWidth.of(data.xTitle) <= width
        lines[lines.count - 1] = fits ? last + "  " + data.xTitle : last
        if !fits { lines.append(TerminalText.fit(data.xTitle, width: width, alignment: .right)) }
      }
    } else {
      let numbers = rows.indices.map { String($0 + 1) }
      let digits = numbers.last?.count ?? 1
      if digits <= columnWidth {
        lines.append(BarLayout.trimmed(indent + numbers.map { " " + TerminalText.fit($0, width: columnWidth, alignment: .center) }.joined()))
      } else {
        // Too narrow even for the numbers: write them downwards, one digit per line.
        for d in 0..<digits {
          let line = numbers.map { n -> String in
            let padded = Array(String(repeating: " ", count: digits - n.count) + n)
            return " " + TerminalText.fit(String(padded[d]), width: columnWidth, alignment: .center)
          }
          lines.append(BarLayout.trimmed(indent + line.joined()))
        }
      }
      key = zip(numbers, labels).map { "\($0) \($1)" }
    }
    lines += BarLayout.legend(key, width: width)
    if others > 0 {
      lines.append("… \(others) more not shown (narrow the data, use top=N or chart bar)")
    }
    var legend = ["\(glyphs.full) \(column.name)"]
    if let target = options.target {
      legend.append(BarLayout.targetSegment(target, glyph: glyphs.targetLine, locale: settings.locale))
    }
    if let h = options.highlight { legend.append("highlight is drawn in bar charts only ('\(h)')") }
    return lines + BarLayout.legend(legend, width: width)
  }

  /// One plot line: the right-aligned tick label, the axis character, the cells.
  static func yLine(_ label: String?, _ width: Int, _ axis: Character, _ cells: [Character]) -> String {
    BarLayout.trimmed(TerminalText.fit(label ?? "", width: width, alignment: .right) + String(axis) + String(cells))
  }
}
