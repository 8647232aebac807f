import TrappeBase
import TrappeIO
import Glibc

/// `chart heatmap`: a grid of categories (rows) × series (columns), each cell shaded by its value.
///
/// Rows come from the category column (x), columns from the series column; both are
/// sorted ascending (numerically when every label is a number, else in Danish order).
/// ``ChartRoles`` picks a text series by default, so an integer series such as `runde`
/// must be named with `series=`. Several rows for one cell are averaged. Cells show their
/// value when wide enough, else only the shade; a legend gives the level thresholds.
enum HeatmapChart {
  /// ANSI 256-colour backgrounds for the five levels, light to dark, and the text colour on each.
  static let backgrounds = [255, 153, 110, 67, 24]
  static let foregrounds = [16, 16, 16, 231, 231]

  /// The heatmap of the first value column of `data`.
  static func draw(data: ChartData, options: ChartOptions, settings: ChartSettings) -> [String] {
    let width = Swift.max(20, settings.width)
    let glyphs = DistributionGlyphs(settings.charset)
    let locale = settings.locale
    guard let column = data.values.first else { return ["(no numeric column to chart)"] }
    let seriesLabels: [String?] = data.series ?? Array(repeating: column.name, count: data.count)
    let rows = DistributionLayout.sorted(DistributionLayout.distinct(data.labels))
    let allColumns = DistributionLayout.sorted(DistributionLayout.distinct(seriesLabels))
    let rowIndex = Dictionary(uniqueKeysWithValues: rows.enumerated().map { ($1, $0) })
    let columnIndex = Dictionary(uniqueKeysWithValues: allColumns.enumerated().map { ($1, $0) })
    var sums = [[Double]](repeating: [Double](repeating: 0, count: allColumns.count), count: rows.count)
    var counts = [[Int]](repeating: [Int](repeating: 0, count: allColumns.count), count: rows.count)
    for row in 0..<data.count {
      guard let value = column.values[row], value.isFinite,
        let r = rowIndex[data.labels[row] ?? DistributionLayout.nullLabel],
        let c = columnIndex[seriesLabels[row] ?? DistributionLayout.nullLabel]
      else { continue }
      sums[r][c] += value
      counts[r][c] += 1
    }
    var cells: [[Double?]] = []
    for r in 0..<rows.count {
      var row: [Double?] = []
      for c in 0..<allColumns.count {
        let n = counts[r][c]
        row.append(n > 0 ? sums[r][c] / Double(n) : nil)
      }
      cells.append(row)
    }
    let present = cells.flatMap { $0 }.compactMap { $0 }
    var lines: [String] = []
    let rowNames = rows.map { $0 }
    let labelWidth = DistributionLayout.labelWidth(rowNames + [data.labelName], width: width)
    let fitWidth = width - labelWidth - 1
    let shown = Swift.max(1, Swift.min(allColumns.count, fitWidth / 3))
    let columns = Array(allColumns.prefix(shown))
    guard let low = present.min(), let high = present.max() else {
      lines.append(TerminalText.truncate("(no values of \(column.name) to shade)", to: width))
      return lines
    }
    let texts = cells.map { row in row.map { $0.map { rounded($0, largest: Swift.max(-low, high), locale: locale) } } }
    let textWidth = texts.flatMap { $0 }.compactMap { $0 }.map { DisplayWidth.of($0) }.max() ?? 0
    // Cells are as wide as the space allows, but no wider than a value with some shade, or the widest header.
    let headerWidth = columns.map { DisplayWidth.of($0) }.max() ?? 0
    let comfortable = Swift.max(textWidth + 6, headerWidth + 1)
    let cellWidth = Swift.max(3, Swift.min(comfortable, fitWidth / Swift.max(1, columns.count)))
    let showValues = cellWidth >= textWidth + 2
    // Header: the column names right-aligned over their cells (values are right-aligned too).
    var header = TerminalText.fit(data.labelName, width: labelWidth, alignment: .left) + " "
    for name in columns {
      header += TerminalText.fit(name, width: cellWidth - 1, alignment: .right) + " "
    }
    let title = "\(column.name) by \(data.labelName)" + (data.seriesName.map { " × \($0)" } ?? "")
    lines.append(TerminalText.truncate(title, to: width))
    lines.append(TerminalText.truncate(DistributionLayout.trimmingTrailingSpaces(header), to: width))
    for (r, name) in rows.enumerated() {
      if ChartStop.atRow(r) { break }
      var line = TerminalText.fit(name, width: labelWidth, alignment: .left) + " "
      for c in 0..<columns.count {
        line += cell(cells[r][c], text: showValues ? texts[r][c] : nil, width: cellWidth, low: low, high: high,
          glyphs: glyphs, color: settings.color)
      }
      lines.append(settings.color ? line : DistributionLayout.trimmingTrailingSpaces(line))
    }
    if columns.count < allColumns.count {
      lines += DistributionLayout.note(
        "showing \(columns.count) of \(allColumns.count) columns; use .width or fewer \(data.seriesName ?? "series") values",
        width: width)
    }
    lines += TerminalText.wrapSegments(legend(low: low, high: high, glyphs: glyphs, locale: locale, color: settings.color), width: width)
    if columns.contains(where: { DisplayWidth.of($0) > cellWidth - 1 }) {
      lines += DistributionLayout.note("\(data.seriesName ?? "columns"): " + columns.joined(separator: ", "), width: width)
    }
    let averaged = counts.flatMap { $0 }.filter { $0 > 1 }.count
    if averaged > 0 {
      lines += DistributionLayout.note("\(averaged) cells average several rows", width: width)
    }
    return lines
  }

  /// The shade level 0...4 of `value` on `low...high` (equal-width levels; all 4 when the range is empty).
  static func level(_ value: Double, low: Double, high: Double) -> Int {
    guard high > low else { return value == 0 && low == 0 ? 0 : 4 }
    let fraction = (value - low) / (high - low)
    return Swift.max(0, Swift.min(4, Int(cells: (fraction * 5).rounded(.down))))
  }

  /// The four thresholds between the five levels.
  static func thresholds(low: Double, high: Double) -> [Double] {
    (1...4).map { low + (high - low) * Double($0) / 5 }
  }

  /// One cell `width` columns wide: the shade, then the value (when given) and a space.
  static func cell(
    _ value: Double?, text: String?, width: Int, low: Double, high: Double, glyphs: DistributionGlyphs, color: Bool
  ) -> String {
    guard let value else {
      return TerminalText.fit(String(glyphs.missing), width: width - 1, alignment: .right) + " "
    }
    let shade = level(value, low: low, high: high)
    if color {
      let body = TerminalText.fit(text ?? "", width: width - 1, alignment: .right)
      return "\u{1B}[48;5;\(backgrounds[shade]);38;5;\(foregrounds[shade])m" + body + "\u{1B}[0m "
    }
    let textWidth = text.map { DisplayWidth.of($0) } ?? 0
    let fill = String(repeating: glyphs.shades[shade], count: Swift.max(0, width - 1 - textWidth))
    return fill + (text ?? "") + " "
  }

  /// The legend: each shade with the values it stands for.
  static func legend(low: Double, high: Double, glyphs: DistributionGlyphs, locale: NumberLocale, color: Bool)
    -> [String]
  {
    let largest = Swift.max(-low, high)
    let text = thresholds(low: low, high: high).map { rounded($0, largest: largest, locale: locale) }
    let lowText = rounded(low, largest: largest, locale: locale)
    let highText = rounded(high, largest: largest, locale: locale)
    func swatch(_ level: Int) -> String {
      if color { return "\u{1B}[48;5;\(backgrounds[level])m  \u{1B}[0m" }
      let glyph = String(repeating: glyphs.shades[level], count: 2)
      return level == 0 ? "'\(glyph)'" : glyph
    }
    if high <= low { return ["\(swatch(4)) \(highText)"] }
    return [
      "\(swatch(0)) \(lowText)\(glyphs.rangeDash)\(text[0])",
      "\(swatch(1)) \(text[0])\(glyphs.rangeDash)\(text[1])",
      "\(swatch(2)) \(text[1])\(glyphs.rangeDash)\(text[2])",
      "\(swatch(3)) \(text[2])\(glyphs.rangeDash)\(text[3])",
      "\(swatch(4)) \(text[3])\(glyphs.rangeDash)\(highText)",
    ]
  }

  /// A cell value with about three significant digits of the largest magnitude (`12.3`, `456`, `0.12`).
  static func rounded(_ value: Double, largest: Double, locale: NumberLocale) -> String {
    let magnitude = largest > 0 ? Int(cells: Glibc.floor(Glibc.log10(largest))) : 0
    let decimals = Swift.max(0, Swift.min(4, 2 - magnitude))
    let factor = Glibc.pow(10, Double(decimals))
    return DistributionLayout.number((value * factor).rounded() / factor, locale: locale)
  }
}
