import TrappeBase
import TrappeIO

/// `chart histogram`: the distribution of one numeric column as horizontal bars per bin.
///
/// Bins have nice edges (an ``AxisScale``'s ticks) and are half-open `[a, b)`, the
/// last closed `[a, b]` so the maximum is counted. `bins=N` asks for about N bins
/// (default: Sturges' rule). NULL and non-finite values are counted in a note, not binned.
enum HistogramChart {
  /// The histogram of the first value column of `data`.
  static func draw(data: ChartData, options: ChartOptions, settings: ChartSettings) -> [String] {
    let width = Swift.max(20, settings.width)
    let glyphs = DistributionGlyphs(settings.charset)
    let locale = settings.locale
    guard let column = data.values.first else { return ["(no numeric column to chart)"] }
    let values = column.values.compactMap { $0 }.filter { $0.isFinite }
    let unbinned = column.values.count - values.count
    var lines: [String] = []
    guard let low = values.min(), let high = values.max() else {
      lines.append(TerminalText.truncate("(no values of \(column.name) to bin)", to: width))
      lines += DistributionLayout.note(unbinnedNote(unbinned, locale: locale), width: width)
      return lines
    }
    let requested = options.bins ?? DistributionStats.sturges(values.count)
    let edges = DistributionStats.edges(low: low, high: high, bins: requested).edges
    let counts = DistributionStats.counts(values, edges: edges)
    let labels = rangeLabels(edges, locale: locale)
    let countTexts = counts.map { NumberFormatting.format(Int64($0), locale: locale) }
    let targetBin = options.target.flatMap { target -> Int? in
      guard let first = edges.first, let last = edges.last, target >= first, target <= last else { return nil }
      return DistributionStats.bin(of: target, edges: edges)
    }
    let targetText = options.target.map { " \(glyphs.targetArrow) target \(DistributionLayout.number($0, locale: locale))" } ?? ""
    let labelWidth = DistributionLayout.labelWidth(labels, width: width)
    let countWidth = countTexts.map { DisplayWidth.of($0) }.max() ?? 1
    let barSpace = Swift.max(1, width - labelWidth - 2 - countWidth - (targetBin == nil ? 0 : DisplayWidth.of(targetText)))
    let largest = Swift.max(1, counts.max() ?? 1)
    let step = edges.count > 1 ? edges[1] - edges[0] : 1
    let header =
      "\(column.name): \(NumberFormatting.format(Int64(values.count), locale: locale)) \(values.count == 1 ? "value" : "values") in \(counts.count) \(counts.count == 1 ? "bin" : "bins") of \(DistributionLayout.number(step, locale: locale))"
    lines.append(TerminalText.truncate(header, to: width))
    for (bin, count) in counts.enumerated() {
      let length = Double(count) / Double(largest) * Double(barSpace)
      var line = TerminalText.fit(labels[bin], width: labelWidth, alignment: .left) + " "
      let bar = glyphs.bar(length)
      line += bar + (bar.isEmpty ? "" : " ") + countTexts[bin]
      if bin == targetBin { line += targetText }
      lines.append(TerminalText.truncate(line, to: width))
    }
    if let target = options.target, targetBin == nil {
      lines += DistributionLayout.note(
        "target \(DistributionLayout.number(target, locale: locale)) is outside the bins", width: width)
    }
    if unbinned > 0 {
      lines += DistributionLayout.note(unbinnedNote(unbinned, locale: locale), width: width)
    }
    return lines
  }

  /// `[a, b)` labels for the bins between `edges` (the last one `[a, b]`), numbers aligned.
  ///
  /// Danish separates the two numbers with `;` since `,` is the decimal mark: `[2,5; 5)`.
  static func rangeLabels(_ edges: [Double], locale: NumberLocale) -> [String] {
    guard edges.count >= 2 else { return [] }
    let texts = edges.map { DistributionLayout.number($0, locale: locale) }
    let lowWidth = texts.dropLast().map { DisplayWidth.of($0) }.max() ?? 0
    let highWidth = texts.dropFirst().map { DisplayWidth.of($0) }.max() ?? 0
    let separator = locale == .danish ? "; " : ", "
    return (0..<(edges.count - 1)).map { i in
      let close = i == edges.count - 2 ? "]" : ")"
      return "[" + TerminalText.fit(texts[i], width: lowWidth, alignment: .right) + separator
        + TerminalText.fit(texts[i + 1], width: highWidth, alignment: .right) + close
    }
  }

  /// The note about values left out of the bins.
  static func unbinnedNote(_ count: Int, locale: NumberLocale) -> String {
    count == 1 ? "1 NULL value not binned" : "\(NumberFormatting.format(Int64(count), locale: locale)) NULL values not binned"
  }
}
