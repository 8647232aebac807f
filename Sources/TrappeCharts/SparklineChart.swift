import TrappeBase
import TrappeIO

/// One-line trends, one per category: label, sparkline, first → last value and the change.
///
/// Each line is scaled to its own minimum and maximum, so the shapes compare but
/// the heights do not; the note under the chart says so. NULL is a space.
enum SparklineChart {
  /// The eight levels, lowest first.
  static let unicodeLevels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
  static let asciiLevels: [Character] = ["_", ".", "-", "=", "+", "*", "#", "@"]

  /// The level (0–7) of `value` on a line from `low` to `high`; the middle level when the line is flat.
  static func level(_ value: Double, low: Double, high: Double) -> Int {
    guard high > low else { return 3 }
    let fraction = (value - low) / (high - low)
    return max(0, min(7, Int(cells: (fraction * 8).rounded(.down))))
  }

  /// The sparkline of `values` in `characters`, squeezed to at most `width` cells by averaging neighbours.
  static func spark(_ values: [Double?], width: Int, charset: ChartCharset) -> String {
    let levels = charset == .unicode ? unicodeLevels : asciiLevels
    var cells = values
    if values.count > width, width > 0 {
      cells = (0..<width).map { cell in
        let from = cell * values.count / width
        let to = max(from + 1, (cell + 1) * values.count / width)
        let present = values[from..<to].compactMap { $0 }
        return present.isEmpty ? nil : present.reduce(0, +) / Double(present.count)
      }
    }
    let present = cells.compactMap { $0 }
    let low = present.min() ?? 0
    let high = present.max() ?? 0
    return String(cells.map { $0.map { levels[level($0, low: low, high: high)] } ?? " " })
  }

  /// The chart lines, each at most `settings.width` columns.
  static func draw(data: ChartData, options: ChartOptions, settings: ChartSettings) -> [String] {
    let width = settings.width
    let unicode = settings.charset == .unicode
    var series = TrendSeries.from(data, rowsAsSeries: true)
    if let h = options.highlight, let i = series.firstIndex(where: { $0.name == h }) {
      series.insert(series.remove(at: i), at: 0)
    }
    let all = series.flatMap { $0.points.compactMap(\.y) }
    guard !all.isEmpty else { return ["(nothing to draw: every value is NULL)"] }
    let decimals = TrendCharts.decimals(all)
    let arrow = unicode ? " → " : " -> "
    let minus = unicode ? "−" : "-"
    let summaries = series.map { line -> String in
      let present = line.points.compactMap(\.y)
      guard let first = present.first, let last = present.last else { return "(all NULL)" }
      let f = TrendCharts.number(first, decimals: decimals, locale: settings.locale)
      let l = TrendCharts.number(last, decimals: decimals, locale: settings.locale)
      let change = TrendCharts.number(last - first, decimals: decimals, locale: settings.locale)
      let signed = change.hasPrefix("-") ? minus + change.dropFirst() : (change == "0" ? "0" : "+" + change)
      return f + arrow + l + " (" + signed + ")"
    }
    let summaryWidth = summaries.map { DisplayWidth.of($0) }.max() ?? 0
    let points = series.map(\.points.count).max() ?? 0
    let naturalLabel = series.map { DisplayWidth.of($0.name) + (options.highlight == $0.name ? 2 : 0) }.max() ?? 0
    var labelWidth = min(naturalLabel, max(8, width / 4))
    var sparkWidth = min(points, width - labelWidth - summaryWidth - 4)
    if sparkWidth < min(points, 8) {
      labelWidth = max(4, width - summaryWidth - 4 - min(points, 8))
      sparkWidth = max(1, min(points, width - labelWidth - summaryWidth - 4))
    }
    var lines: [String] = []
    let first = series.first { !$0.points.isEmpty }?.points
    var heading = (data.values.count == 1 ? (data.values.first?.name ?? "value") : "value")
    if let first, let from = first.first?.label, let to = first.last?.label, data.xValues != nil || data.series != nil {
      heading += " by \(data.labelName), \(from)\(arrow)\(to)"
    }
    lines += TerminalText.wrapIfNeeded(heading, width: width)
    for (i, line) in series.enumerated() {
      if ChartStop.atRow(i) { break }
      let mark = options.highlight == line.name ? (unicode ? " ◀" : " <") : ""
      let name = TerminalText.truncate(line.name, to: labelWidth - DisplayWidth.of(mark)) + mark
      let spark = spark(line.points.map(\.y), width: sparkWidth, charset: settings.charset)
      lines.append(
        TerminalText.fit(name, width: labelWidth, alignment: .left) + "  "
          + TerminalText.fit(spark, width: sparkWidth, alignment: .left) + "  " + summaries[i])
    }
    var note = "each line scaled to its own min–max"
    if !unicode { note = "each line scaled to its own min-max (_ lowest, @ highest)" }
    if series.contains(where: { $0.points.contains { $0.y == nil } }) { note += "; a space is NULL" }
    if points > sparkWidth { note += "; neighbouring values averaged to fit" }
    lines += TerminalText.wrapIfNeeded(note, width: width)
    return lines
  }
}
