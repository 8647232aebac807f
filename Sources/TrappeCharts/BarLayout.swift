import TrappeBase
import TrappeIO

/// Shared layout of horizontal bar charts: row order, label column, line assembly and legends.
enum BarLayout {
  /// The widest label column: a quarter of the chart, from 6 to 30 columns.
  static func maxLabelWidth(_ width: Int) -> Int {
    Swift.max(6, Swift.min(30, width / 4))
  }

  /// The label column's width for `labels`, leaving at least `plotMinimum` columns for the plot.
  static func labelWidth(_ labels: [String], chartWidth: Int, prefix: Int, plotMinimum: Int) -> Int {
    let natural = labels.map { DisplayWidth.of($0) }.max() ?? 1
    let room = chartWidth - prefix - 1 - plotMinimum
    return Swift.max(1, Swift.min(natural, maxLabelWidth(chartWidth), Swift.max(3, room)))
  }

  /// The rows to show, in order, and how many are left out.
  ///
  /// Text categories are sorted by `key` descending (NULL last, ties in input
  /// order); time-like categories keep their order. `top` keeps the N largest.
  ///
  /// On Ctrl-C the sort stops and no rows are returned (the renderer then draws nothing).
  static func order(_ key: [Double?], timeLike: Bool, top: Int?) -> (rows: [Int], others: Int) {
    var comparisons = 0
    let sorted = try? key.indices.sorted { a, b throws(ExecutionStop) in
      comparisons &+= 1
      if comparisons & 0xFFF == 0 { try Interrupt.check() }
      switch (key[a], key[b]) {
      case (let x?, let y?): return x != y ? x > y : a < b
      case (.some, nil): return true
      case (nil, .some): return false
      case (nil, nil): return a < b
      }
    }
    guard let ranked = sorted else { return ([], 0) }
    guard let top, top < key.count else {
      return (timeLike ? Array(key.indices) : ranked, 0)
    }
    let kept = Array(ranked.prefix(top))
    return (timeLike ? kept.sorted() : kept, key.count - top)
  }

  /// Whether `label` is the highlighted category (case-insensitive).
  static func matches(_ label: String?, _ highlight: String?) -> Bool {
    guard let label, let highlight else { return false }
    return label.lowercased() == highlight.lowercased()
  }

  /// A row's text: highlight prefix, padded label, a space, the plot cells; trailing spaces trimmed.
  static func line(prefix: String, label: String, labelWidth: Int, cells: [String], bold: Bool, glyphs: BarGlyphs) -> String {
    let style: String? = bold && glyphs.color ? "1" : nil
    return trimmed(prefix + TerminalText.fit(label, width: labelWidth, alignment: .left, style: style) + " " + cells.joined())
  }

  /// The line `… N others` in the label column.
  static func othersLine(_ count: Int, indent: Int, width: Int) -> String {
    TerminalText.truncate(TerminalText.spaces(indent) + "… \(count) \(count == 1 ? "other" : "others")", to: width)
  }

  /// Legend segments packed into lines of at most `width` columns.
  static func legend(_ segments: [String], width: Int) -> [String] {
    segments.isEmpty ? [] : TerminalText.wrapSegments(segments, width: width).map { TerminalText.truncate($0, to: width) }
  }

  /// The legend segment of a target.
  static func targetSegment(_ target: Double, glyph: Character, locale: NumberLocale) -> String {
    "\(glyph) target \(TrendCharts.number(target, locale: locale))"
  }

  /// The note for a highlight that matches no category.
  static func missingHighlight(_ options: ChartOptions, labels: [String?]) -> String? {
    guard let h = options.highlight, !labels.contains(where: { matches($0, h) }) else { return nil }
    return "highlight '\(h)' is not among the categories"
  }

  /// The axis titles above the bars: the category title over the labels, the value title
  /// (with the unit) over the bars, like a table's header (`kommune     value (%)`).
  static func header(_ data: ChartData, prefix: Int, labelWidth: Int, width: Int) -> [String] {
    guard !data.yTitle.isEmpty || !data.xTitle.isEmpty else { return [] }
    // A label column too narrow for the category's title (`1`…`5` under `runde`): the two
    // titles side by side, never a cut `…`.
    let line = DisplayWidth.of(data.xTitle) <= labelWidth
      ? TerminalText.spaces(prefix) + TerminalText.fit(data.xTitle, width: labelWidth, alignment: .left) + "  " + data.yTitle
      : TerminalText.spaces(prefix) + data.xTitle + "  " + data.yTitle
    return [trimmed(TerminalText.truncate(line, to: width))]
  }

  /// `text` without trailing spaces.
  static func trimmed(_ text: String) -> String {
    var result = text
    while result.last == " " { result.removeLast() }
    return result
  }
}
