import TrappeBase
import TrappeIO

/// Horizontal bars with the series stacked: one bar per category, a segment per series, the total at the end.
enum StackedBarChart {
  /// The chart's lines.
  static func draw(_ data: ChartData, options: ChartOptions, settings: ChartSettings) throws(Diagnostic) -> [String] {
    let matrix = try BarMatrix(data)
    if matrix.cells.contains(where: { $0.contains { ($0 ?? 0) < 0 } }) {
      throw Diagnostic(.error, "stacked bars need values of 0 or more", hints: ["use chart grouped to show negative values"])
    }
    let glyphs = BarGlyphs(settings)
    let width = settings.width
    let totals = matrix.categories.indices.map { matrix.total($0) }
    let order = BarLayout.order(totals, timeLike: data.xValues != nil || data.series == nil, top: options.top)
    let rows = order.rows
    let numbers = BarNumbers(rows.compactMap { totals[$0] }, locale: settings.locale)
    let texts = rows.map { numbers.text(totals[$0]) }
    var extent = rows.compactMap { totals[$0] }
    if let target = options.target { extent.append(target) }
    let prefixWidth = options.highlight == nil ? 0 : 2
    let labels = rows.map { matrix.categories[$0] ?? "NULL" }
    let rightText = texts.map(\.count).max() ?? 0
    let labelWidth = BarLayout.labelWidth(labels, chartWidth: width, prefix: prefixWidth, plotMinimum: rightText + 12)
    let plot = HorizontalBarPlot(
      low: Swift.min(0, extent.min() ?? 0), high: extent.max() ?? 0, width: width - prefixWidth - labelWidth - 1,
      leftText: 0, rightText: rightText, glyphs: glyphs)
    let fills = matrix.series.indices.map { glyphs.seriesFill($0).withoutFraction }

    var lines = BarLayout.header(data, prefix: prefixWidth, labelWidth: labelWidth, width: width)
    for (n, category) in rows.enumerated() {
      if ChartStop.atRow(n) { break }
      let highlighted = BarLayout.matches(matrix.categories[category], options.highlight)
      var cells = plot.row(totals[category], fill: BarFill(glyph: " ", fractional: false, style: nil),
        text: texts[n], markers: [], target: options.target)
      // Segment boundaries are rounded cumulative positions, so the parts add up to the total's bar.
      var sum = 0.0
      var from = 0
      for (s, value) in matrix.cells[category].enumerated() {
        sum += value ?? 0
        let to = Int(cells: plot.length(sum).rounded())
        if to > from {
          for c in from..<to { cells[plot.zeroColumn + 1 + c] = glyphs.styled(String(fills[s].glyph), fills[s].style) }
        }
        from = Swift.max(from, to)
      }
      let prefix = prefixWidth == 0 ? "" : highlighted ? glyphs.highlightPrefix : "  "
      lines.append(BarLayout.line(prefix: prefix, label: labels[n], labelWidth: labelWidth, cells: cells, bold: highlighted, glyphs: glyphs))
    }
    if order.others > 0 { lines.append(BarLayout.othersLine(order.others, indent: prefixWidth, width: width)) }
    let indent = TerminalText.spaces(prefixWidth + labelWidth + 1)
    lines += plot.axisLines(locale: settings.locale).map { BarLayout.trimmed(indent + $0) }
    var legend = GroupedBarChart.legend(matrix, options: options, glyphs: glyphs, settings: settings)
    legend.insert("total at the end of each bar", at: matrix.series.count)
    return lines + BarLayout.legend(legend, width: width)
  }
}
