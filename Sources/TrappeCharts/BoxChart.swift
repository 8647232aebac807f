import TrappeBase
import TrappeIO
import TrappeQuery

/// `chart box`: one horizontal box plot per category on a common axis.
///
/// Each row draws the Tukey whiskers (the most extreme values within 1.5·IQR of the
/// box), the box from Q1 to Q3 with the median, and outliers beyond the whiskers,
/// followed by the median's value. Quartiles are those of the `percentile` aggregate.
/// Text categories are sorted by median, highest first; numeric and period categories
/// (years, rounds) in ascending order. Without a text column (and no `x=`) all rows make one box.
enum BoxChart {
  /// The box plots of the first value column of `data`, per category.
  static func draw(data: ChartData, options: ChartOptions, settings: ChartSettings) -> [String] {
    let width = Swift.max(20, settings.width)
    let glyphs = DistributionGlyphs(settings.charset)
    let locale = settings.locale
    guard let column = data.values.first else { return ["(no numeric column to chart)"] }
    let numericLabels = DistributionLayout.allNumeric(data.labels)
    let oneBox = options.x == nil && data.xValues != nil && numericLabels
    var groups: [String: [Double]] = [:]
    var order: [String] = []
    var unused = 0
    for row in 0..<data.count {
      guard let value = column.values[row], value.isFinite else {
        unused += 1
        continue
      }
      let key = oneBox ? column.name : (data.labels[row] ?? DistributionLayout.nullLabel)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(value)
    }
    var boxes: [(label: String, summary: BoxSummary)] = []
    for key in order {
      if let summary = BoxSummary(groups[key] ?? []) { boxes.append((key, summary)) }
    }
    guard !boxes.isEmpty else {
      return [TerminalText.truncate("(no values of \(column.name) to summarise)", to: width)]
    }
    let byMedian = !oneBox && !numericLabels
    if byMedian {
      boxes.sort {
        $0.summary.median != $1.summary.median
          ? $0.summary.median > $1.summary.median : DanishCollation.areInIncreasingOrder($0.label, $1.label)
      }
    } else {
      let ranked = DistributionLayout.sorted(boxes.map(\.label))
      let rank = Dictionary(uniqueKeysWithValues: ranked.enumerated().map { ($1, $0) })
      boxes.sort { (rank[$0.label] ?? 0) < (rank[$1.label] ?? 0) }
    }
    let medians = boxes.map { DistributionLayout.number($0.summary.median, locale: locale) }
    let medianWidth = Swift.max(DisplayWidth.of("median"), medians.map { DisplayWidth.of($0) }.max() ?? 0)
    let labelWidth = DistributionLayout.labelWidth(boxes.map(\.label), width: width)
    let axisLength = Swift.max(10, width - labelWidth - 1 - 1 - medianWidth)
    var low = boxes.map(\.summary.min).min() ?? 0
    var high = boxes.map(\.summary.max).max() ?? 0
    if let target = options.target {
      low = Swift.min(low, target)
      high = Swift.max(high, target)
    }
    if high == low {
      let pad = low == 0 ? 1 : Swift.abs(low) / 100
      low -= pad
      high += pad
    }
    let scale = AxisScale(covering: low, high, ticks: Swift.max(2, axisLength / 12), includeZero: false)
    var lines: [String] = []
    let count = boxes.reduce(0) { $0 + $1.summary.count }
    var title = "\(column.name)"
    if !oneBox { title += " by \(data.labelName)" }
    title += " (n = \(NumberFormatting.format(Int64(count), locale: locale))"
    if byMedian && boxes.count > 1 { title += ", sorted by median" }
    title += ")"
    lines.append(TerminalText.truncate(title, to: width))
    lines.append(
      TerminalText.spaces(labelWidth + 1 + axisLength + 1) + TerminalText.fit("median", width: medianWidth, alignment: .right))
    for (index, box) in boxes.enumerated() {
      let label = TerminalText.fit(box.label, width: labelWidth, alignment: .left)
      let plot = row(box.summary, scale: scale, length: axisLength, target: options.target, glyphs: glyphs)
      let median = TerminalText.fit(medians[index], width: medianWidth, alignment: .right)
      lines.append(label + " " + plot + " " + median)
    }
    lines += DistributionLayout.axis(
      scale, indent: labelWidth + 1, length: axisLength, overhang: 1 + medianWidth, glyphs: glyphs, locale: locale)
    var notes: [String] = []
    notes.append(
      "box: Q1\(glyphs.rangeDash)Q3 with median \(glyphs.median); whiskers to the last value within 1.5·IQR; \(glyphs.outlier) outlier")
    if let target = options.target {
      notes.append("\(glyphs.target) target \(DistributionLayout.number(target, locale: locale))")
    }
    if unused > 0 {
      notes.append(unused == 1 ? "1 NULL value left out" : "\(NumberFormatting.format(Int64(unused), locale: locale)) NULL values left out")
    }
    for note in notes { lines += DistributionLayout.note(note, width: width) }
    return lines
  }

  /// One box plot `length` cells long on `scale`.
  static func row(_ box: BoxSummary, scale: AxisScale, length: Int, target: Double?, glyphs: DistributionGlyphs)
    -> String
  {
    var cells = [Character](repeating: " ", count: length)
    func at(_ value: Double) -> Int {
      Swift.max(0, Swift.min(length - 1, Int(cells: scale.position(value, length: length - 1).rounded())))
    }
    if let target { cells[at(target)] = glyphs.target }
    let whiskerLow = at(box.whiskerLow)
    let whiskerHigh = at(box.whiskerHigh)
    let q1 = at(box.q1)
    let q3 = at(box.q3)
    for i in whiskerLow...whiskerHigh { cells[i] = glyphs.whisker }
    for i in q1...q3 { cells[i] = " " }
    cells[whiskerLow] = glyphs.whiskerLow
    cells[whiskerHigh] = glyphs.whiskerHigh
    cells[q1] = glyphs.boxLow
    cells[q3] = glyphs.boxHigh
    cells[at(box.median)] = glyphs.median
    for outlier in box.outliers { cells[at(outlier)] = glyphs.outlier }
    return String(cells)
  }
}
