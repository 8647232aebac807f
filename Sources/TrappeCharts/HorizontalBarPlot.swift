import TrappeBase

/// The drawing area right of the labels in a horizontal bar chart: a zero line,
/// cells for negative and positive values, and margins for the value texts.
///
/// Columns are counted from the plot's left edge. A bar `k` cells long ends at
/// `zeroColumn + k` (right) or `zeroColumn - k` (left); ticks and markers use the
/// same columns, so a bar that reaches a target covers its marker.
struct HorizontalBarPlot {
  let scale: AxisScale
  /// Cells left and right of the zero line.
  let negativeCells: Int
  let positiveCells: Int
  /// Room for value texts left of the negative bars and right of the positive ones.
  let leftMargin: Int
  let rightMargin: Int
  let glyphs: BarGlyphs

  /// A plot `width` columns wide for values in `low...high`, with value texts up to
  /// `leftText` (negative) and `rightText` (positive, NULL) columns wide.
  init(low: Double, high: Double, width: Int, leftText: Int, rightText: Int, glyphs: BarGlyphs) {
    self.glyphs = glyphs
    let hasNegative = low < 0
    let hasRight = high > 0 || !hasNegative || rightText > 0
    leftMargin = hasNegative ? leftText + 1 : 0
    rightMargin = hasRight ? rightText + 2 : 0
    let cells = Swift.max(2, width - leftMargin - rightMargin - 1)
    scale = AxisScale(covering: low, high, ticks: Swift.max(2, Swift.min(10, cells / 10)))
    if scale.low < 0 {
      let share = -scale.low / (scale.high - scale.low)
      let negative = Swift.max(1, Swift.min(cells - (scale.high > 0 ? 1 : 0), Int(cells: (Double(cells) * share).rounded())))
      negativeCells = negative
      positiveCells = cells - negative
    } else {
      negativeCells = 0
      positiveCells = cells
    }
  }

  /// The plot's width in columns.
  var width: Int { leftMargin + negativeCells + 1 + positiveCells + rightMargin }
  /// The column of the zero line.
  var zeroColumn: Int { leftMargin + negativeCells }

  /// The length of `value`'s bar in (fractional) cells, negative to the left.
  func length(_ value: Double) -> Double {
    if value >= 0 {
      return scale.high > 0 ? Swift.min(1, value / scale.high) * Double(positiveCells) : 0
    }
    return scale.low < 0 ? -Swift.min(1, value / scale.low) * Double(negativeCells) : 0
  }

  /// The column of a marker (target, peer value, tick) at `value`.
  func column(_ value: Double) -> Int {
    let cells = Int(cells: length(value).rounded())
    return zeroColumn + cells
  }

  /// An empty row: spaces and the zero line, with the target marker when given.
  func emptyRow(target: Double?) -> [String] {
    var row = Array(repeating: " ", count: width)
    row[zeroColumn] = String(glyphs.zero)
    if let target { row[markerColumn(target)] = String(glyphs.target) }
    return row
  }

  /// The column of a marker, kept off the zero line.
  func markerColumn(_ value: Double) -> Int {
    let c = column(value)
    if c == zeroColumn, value != 0 { return value > 0 ? Swift.min(width - 1, c + 1) : Swift.max(0, c - 1) }
    return c
  }

  /// One bar row: the bar of `value`, markers on top of it, the target behind it, and the value text.
  ///
  /// The text sits one space past the bar end and moves past any marker it would hide.
  func row(_ value: Double?, fill: BarFill, text: String, markers: [(value: Double, glyph: Character)], target: Double?)
    -> [String]
  {
    var row = emptyRow(target: nil)
    var occupied: [Int] = []
    var end = zeroColumn
    if let value {
      if value >= 0 {
        let cells = BarGeometry.rightBar(length(value), fill: fill)
        for (i, c) in cells.enumerated() { row[zeroColumn + 1 + i] = glyphs.styled(String(c), fill.style) }
        end = zeroColumn + cells.count
      } else {
        let cells = BarGeometry.leftBar(-length(value), fill: fill)
        let start = zeroColumn - cells.count
        for (i, c) in cells.enumerated() { row[start + i] = glyphs.styled(String(c), fill.style) }
        end = start
      }
    }
    if let target {
      let c = markerColumn(target)
      if row[c] == " " {
        row[c] = String(glyphs.target)
        occupied.append(c)
      }
    }
    for marker in markers {
      var c = markerColumn(marker.value)
      // Two markers on one column: the later one moves beside it, so neither hides the other.
      if occupied.contains(c) {
        if c + 1 < width, !occupied.contains(c + 1) { c += 1 } else if c > 0, !occupied.contains(c - 1) { c -= 1 }
      }
      row[c] = String(marker.glyph)
      occupied.append(c)
    }
    let characters = Array(text)
    let leftward = (value ?? 0) < 0
    if leftward {
      var stop = end - 1
      while let hit = occupied.filter({ $0 <= stop && $0 >= stop - characters.count - 1 }).min() { stop = hit - 1 }
      var start = stop - characters.count
      if start < 0 { start = Swift.max(0, end - 1 - characters.count) }
      for (i, c) in characters.enumerated() where start + i < width { row[start + i] = String(c) }
    } else {
      var start = end + (value == nil ? 1 : 2)
      // One space at least between a marker and the text (`◆ ● 14.51`, never `◆●14.51`).
      while let hit = occupied.filter({ $0 >= start - 1 && $0 < start + characters.count + 1 }).max() { start = hit + 2 }
      if start + characters.count > width { start = Swift.min(end + 2, width - characters.count) }
      start = Swift.max(0, start)
      for (i, c) in characters.enumerated() where start + i < width { row[start + i] = String(c) }
    }
    return row
  }

  /// The axis below the bars: a line with tick marks, and a line with the tick labels.
  func axisLines(locale: NumberLocale) -> [String] {
    var line = Array(repeating: " ", count: width)
    for c in leftMargin..<(zeroColumn + positiveCells + 1) { line[c] = String(glyphs.axis) }
    var labels = Array(repeating: " ", count: width)
    var lastEnd = -1
    for tick in scale.ticks {
      let c = column(tick)
      guard c >= 0, c < width else { continue }
      if tick == 0 {
        line[c] = String(negativeCells == 0 ? glyphs.corner : glyphs.zeroTick)
      } else {
        line[c] = String(glyphs.tick)
      }
      let text = Array(Self.tickLabel(tick, scale: scale, locale: locale))
      var start = c - (text.count - 1) / 2
      start = Swift.max(0, Swift.min(width - text.count, start))
      guard start > lastEnd, start >= 0 else { continue }
      for (i, ch) in text.enumerated() where start + i < width { labels[start + i] = String(ch) }
      lastEnd = start + text.count
    }
    return [line.joined(), labels.joined()].map(BarLayout.trimmed)
  }

  /// A tick label with the decimals the step needs (a step of 2.5 keeps its ,5).
  static func tickLabel(_ value: Double, scale: AxisScale, locale: NumberLocale) -> String {
    // Past ±1e15 the scale's labels round to the step's power of ten; the bar numbers keep them exact.
    Swift.abs(value) >= 1e15 ? BarNumbers(scale.ticks, locale: locale).text(value) : scale.label(value, locale: locale)
  }
}
