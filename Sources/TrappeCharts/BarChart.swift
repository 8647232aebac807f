import TrappeBase
import TrappeIO

/// Horizontal bars, one row per category, with target, highlight and bench markers.
///
/// With columns named `peer_value` and `national_value` among the values (a bench
/// result charted with `y=value y=peer_value y=national_value`), `value` is the bar
/// and the others are marked on its row (`◆` / `●`). Other extra value columns
/// make a grouped chart.
enum BarChart {
  /// The marker columns of a bench result.
  static let markerNames = ["peer_value", "national_value"]

  /// The chart's lines.
  static func draw(_ data: ChartData, options: ChartOptions, settings: ChartSettings) throws(Diagnostic) -> [String] {
    let names = data.values.map(\.name)
    let markerSet = data.markerNames.isEmpty ? markerNames : data.markerNames
    let markerIndices = names.indices.filter { $0 > 0 && markerSet.contains(names[$0]) }
    let barCandidates = names.indices.filter { !markerIndices.contains($0) }
    if barCandidates.count > 1 || (markerIndices.isEmpty && data.values.count > 1) {
      return try GroupedBarChart.draw(data, options: options, settings: settings)
    }
    guard let barIndex = barCandidates.first ?? markerIndices.first else {
      throw Diagnostic(.error, "the result has no numeric column to chart")
    }
    let glyphs = BarGlyphs(settings)
    let width = settings.width
    let values = data.values[barIndex].values
    let markers: [(values: [Double?], glyph: Character, name: String)] = markerIndices.filter { $0 != barIndex }.map { i in
      let column = data.columnName(names[i])
      return (
        data.values[i].values, column == "peer_value" ? glyphs.peer : column == "threshold" ? glyphs.threshold : glyphs.national,
        column == "threshold" && column == names[i] ? "threshold (target)" : names[i]
      )
    }
    let (rows, others) = BarLayout.order(values, timeLike: data.xValues != nil || data.keepOrder, top: options.top)
    // Each step below is a pass over all rows (3.5 million with rows=): stop between them on Ctrl-C.
    if Interrupt.isRequested { return [] }
    let numbers = BarNumbers(rows.compactMap { values[$0] }, locale: settings.locale)
    let texts = ChartStop.perRow(rows.count) { numbers.text(values[rows[$0]]) }
    var extent = rows.compactMap { values[$0] }
    for marker in markers { extent += rows.compactMap { marker.values[$0] } }
    if let target = options.target { extent.append(target) }
    if Interrupt.isRequested { return [] }
    let low = extent.min() ?? 0
    let high = extent.max() ?? 0
    let leftText = zip(rows, texts).filter { (values[$0.0] ?? 0) < 0 }.map { $0.1.count }.max() ?? 0
    let rightText = zip(rows, texts).filter { (values[$0.0] ?? 0) >= 0 }.map { $0.1.count }.max() ?? 0

    if Interrupt.isRequested { return [] }
    let prefixWidth = options.highlight == nil ? 0 : 2
    let labels = ChartStop.perRow(rows.count) { data.labels[rows[$0]] ?? "NULL" }
    let labelWidth = BarLayout.labelWidth(
      labels, chartWidth: width, prefix: prefixWidth, plotMinimum: leftText + rightText + 12)
    if Interrupt.isRequested { return [] }
    let plot = HorizontalBarPlot(
      low: low, high: high, width: width - prefixWidth - labelWidth - 1,
      leftText: leftText, rightText: rightText, glyphs: glyphs)

    var lines = BarLayout.header(data, prefix: prefixWidth, labelWidth: labelWidth, width: width)
    var group: String?
    for (n, row) in rows.enumerated() {
      if ChartStop.atRow(n) { break }
      // Grouped rows (a gap result by measure): a heading where the group changes.
      if let groups = data.groups, groups[row] != group {
        group = groups[row]
        lines.append(TerminalText.truncate(TerminalText.spaces(prefixWidth) + groups[row], to: width))
      }
      let highlighted = BarLayout.matches(data.labels[row], options.highlight)
      let rowMarkers = markers.compactMap { m in m.values[row].map { (value: $0, glyph: m.glyph) } }
      let cells = plot.row(
        values[row], fill: highlighted ? glyphs.highlightedFill : glyphs.plainFill, text: texts[n],
        markers: rowMarkers, target: options.target)
      let prefix = prefixWidth == 0 ? "" : highlighted ? glyphs.highlightPrefix : "  "
      lines.append(
        BarLayout.line(prefix: prefix, label: labels[n], labelWidth: labelWidth, cells: cells, bold: highlighted, glyphs: glyphs))
    }
    if others > 0 { lines.append(BarLayout.othersLine(others, indent: prefixWidth, width: width)) }
    let indent = TerminalText.spaces(prefixWidth + labelWidth + 1)
    lines += plot.axisLines(locale: settings.locale).map { BarLayout.trimmed(indent + $0) }

    var legend = ["\(glyphs.full) \(names[barIndex])"]
    for marker in markers { legend.append("\(marker.glyph) \(marker.name)") }
    if let target = options.target {
      legend.append(BarLayout.targetSegment(target, glyph: glyphs.target, locale: settings.locale))
    }
    if let h = options.highlight, data.labels.contains(where: { BarLayout.matches($0, h) }) {
      legend.append("\(glyphs.highlightPrefix)\(glyphs.color ? "" : "\(glyphs.highlightFill) ")\(h)")
    }
    if let note = BarLayout.missingHighlight(options, labels: data.labels) { legend.append(note) }
    return lines + BarLayout.legend(legend, width: width)
  }
}
