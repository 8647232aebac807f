import TrappeBase
import TrappeIO

/// Horizontal bars grouped by category: one sub-row per series, with a legend of fills.
enum GroupedBarChart {
  /// The chart's lines.
  static func draw(_ data: ChartData, options: ChartOptions, settings: ChartSettings) throws(Diagnostic) -> [String] {
    let matrix = try BarMatrix(data)
    let glyphs = BarGlyphs(settings)
    let width = settings.width
    let timeLike = data.xValues != nil || data.series == nil
    let order = BarLayout.order(matrix.categories.indices.map { matrix.total($0) }, timeLike: timeLike, top: options.top)
    let rows = order.rows
    let all = rows.flatMap { matrix.cells[$0] }
    let numbers = BarNumbers(all.compactMap { $0 }, locale: settings.locale)
    var extent = all.compactMap { $0 }
    if let target = options.target { extent.append(target) }
    let leftText = all.compactMap { $0 }.filter { $0 < 0 }.map { numbers.text($0).count }.max() ?? 0
    let rightText = all.filter { ($0 ?? 0) >= 0 }.map { numbers.text($0).count }.max() ?? 0
    let prefixWidth = options.highlight == nil ? 0 : 2
    let labels = rows.map { matrix.categories[$0] ?? "NULL" }
    let labelWidth = BarLayout.labelWidth(labels, chartWidth: width, prefix: prefixWidth, plotMinimum: leftText + rightText + 12)
    let plot = HorizontalBarPlot(
      low: extent.min() ?? 0, high: extent.max() ?? 0, width: width - prefixWidth - labelWidth - 1,
      leftText: leftText, rightText: rightText, glyphs: glyphs)

    var lines = BarLayout.header(data, prefix: prefixWidth, labelWidth: labelWidth, width: width)
    for (n, category) in rows.enumerated() {
      if ChartStop.atRow(n) { break }
      if n > 0, matrix.series.count > 1 {
        lines.append(BarLayout.line(prefix: TerminalText.spaces(prefixWidth), label: "", labelWidth: labelWidth,
          cells: plot.emptyRow(target: options.target), bold: false, glyphs: glyphs))
      }
      let highlighted = BarLayout.matches(matrix.categories[category], options.highlight)
      for s in matrix.series.indices {
        let value = matrix.cells[category][s]
        let cells = plot.row(value, fill: glyphs.seriesFill(s), text: numbers.text(value), markers: [], target: options.target)
        let prefix = prefixWidth == 0 ? "" : (highlighted && s == 0) ? glyphs.highlightPrefix : "  "
        lines.append(BarLayout.line(prefix: prefix, label: s == 0 ? labels[n] : "", labelWidth: labelWidth,
          cells: cells, bold: highlighted, glyphs: glyphs))
      }
    }
    if order.others > 0 { lines.append(BarLayout.othersLine(order.others, indent: prefixWidth, width: width)) }
    let indent = TerminalText.spaces(prefixWidth + labelWidth + 1)
    lines += plot.axisLines(locale: settings.locale).map { BarLayout.trimmed(indent + $0) }
    return lines + BarLayout.legend(legend(matrix, options: options, glyphs: glyphs, settings: settings), width: width)
  }

  /// Legend segments: each series' fill, then the target and a missing highlight.
  static func legend(_ matrix: BarMatrix, options: ChartOptions, glyphs: BarGlyphs, settings: ChartSettings) -> [String] {
    var segments = matrix.series.indices.map { s in
      let fill = glyphs.seriesFill(s)
      return glyphs.styled(String(repeating: fill.glyph, count: 2), fill.style) + " " + matrix.series[s]
    }
    if let target = options.target {
      segments.append(BarLayout.targetSegment(target, glyph: glyphs.target, locale: settings.locale))
    }
    if let note = BarLayout.missingHighlight(options, labels: matrix.categories) { segments.append(note) }
    return segments
  }
}
