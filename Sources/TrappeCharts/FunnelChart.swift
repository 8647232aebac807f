import TrappeBase
import TrappeStorage
import TrappeIO

/// A funnel plot: each unit's rate (up) by its denominator n (across), with control limits at
/// 95 % and 99.8 % around the pooled rate, so units of different sizes are judged by the same
/// yardstick instead of by rank.
///
/// Limits (``FunnelLimits``): p0 ± z·√(p0(1−p0)/n), z = 1.959964 and 3.090232, clipped to
/// [0, 100] % (or [0, 1]). p0 is `national_value` when the result has it (a bench result; it
/// must be the same on every row), otherwise Σ value·n / Σ n (the pooled rate of the rows).
/// y is read as a percentage when a value or p0 is above 1, else as a proportion.
/// Overdispersion is not adjusted for. Roles: x = `x=` or `n`, y = `y=` or `value`, the
/// labels = `label=` or the first text column; `highlight=NAME` marks and labels one unit.
enum FunnelChart: ChartDrawer {
  static let kinds: [ChartKind] = [.funnel]

  /// The roles a funnel needs from `table`: values[0] the rate, values[1] `national_value` when present.
  static func data(table: Table, options: ChartOptions) throws(Diagnostic) -> ChartData {
    let fields = table.schema.fields
    func numeric(_ name: String?, fallback: String, role: String) throws(Diagnostic) -> Int {
      let wanted = name ?? fallback
      guard let i = table.schema.index(of: wanted) else {
        throw Diagnostic(
          .error, "a funnel chart needs the \(role): the result has no column '\(wanted)'",
          hints: ["name it with \(role == "denominator" ? "x" : "y")=COLUMN; columns: \(table.schema.names.joined(separator: ", "))"])
      }
      guard fields[i].type.isNumeric else {
        throw Diagnostic(.error, "'\(wanted)' is \(fields[i].type.name), but the funnel's \(role) must be a number")
      }
      return i
    }
    let xIndex = try numeric(options.x, fallback: "n", role: "denominator")
    let yIndex = try numeric(options.y.first, fallback: "value", role: "rate")
    let labelIndex = try options.label.map { name throws(Diagnostic) -> Int in
      guard let i = table.schema.index(of: name) else {
        throw Diagnostic(.error, "the result has no column '\(name)'")
      }
      return i
    } ?? fields.indices.first { fields[$0].type == .string }
    let rows = table.rowCount
    var values = [(name: fields[yIndex].name, values: ChartStop.perRow(rows) { table.columns[yIndex].numericValue(at: $0) })]
    if let national = table.schema.index(of: "national_value"), fields[national].type.isNumeric, options.y.isEmpty {
      values.append(("national_value", ChartStop.perRow(rows) { table.columns[national].numericValue(at: $0) }))
    }
    return ChartData(
      labels: labelIndex.map { i in ChartStop.perRow(rows) { table.columns[i].displayText(at: $0) } } ?? ChartStop.perRow(rows) { String($0 + 1) },
      labelName: labelIndex.map { fields[$0].name } ?? "row", values: values, series: nil, seriesName: nil,
      xValues: ChartStop.perRow(rows) { table.columns[xIndex].numericValue(at: $0) })
  }

  /// The pooled rate and where it came from: `national_value` (one value on every row) or Σ y·n / Σ n.
  static func pooled(data: ChartData, rows: [Int]) throws(Diagnostic) -> (value: Double, source: String) {
    let xs = data.xValues ?? []
    let ys = data.values[0].values
    if data.values.count > 1 {
      let nationals = rows.compactMap { data.values[1].values[$0] }
      if let first = nationals.first {
        guard nationals.allSatisfy({ Swift.abs($0 - first) <= 1e-9 * Swift.max(1, Swift.abs(first)) }) else {
          throw Diagnostic(
            .error, "national_value differs between the rows, so the funnel has no single pooled rate",
            hints: ["chart one period, e.g. … | where runde == 5 | chart funnel"])
        }
        return (first, "national_value")
      }
    }
    var numerator = 0.0
    var denominator = 0.0
    for row in rows {
      guard let n = xs[row], let y = ys[row] else { continue }
      numerator += y * n
      denominator += n
    }
    guard denominator > 0 else { throw Diagnostic(.error, "the funnel's denominators sum to 0: there is no pooled rate") }
    return (numerator / denominator, "Σ \(data.values[0].name)·n / Σ n")
  }

  /// Where each point lies, as a glyph index: 0 inside the 95 % limits, 1 outside 95 %, 2 outside 99.8 %.
  static func band(_ value: Double, n: Double, limits: FunnelLimits) -> Int {
    switch limits.band(value: value, n: n) {
    case "above 99.8 %", "below 99.8 %": return 2
    case "above 95 %", "below 95 %": return 1
    default: return 0
    }
  }

  static func draw(_ kind: ChartKind, data: ChartData, options: ChartOptions, settings: ChartSettings)
    throws(Diagnostic) -> [String]
  {
    let width = settings.width
    let unicode = settings.charset == .unicode
    guard let xs = data.xValues else { throw Diagnostic(.error, "a funnel chart needs the denominator (x=COLUMN)") }
    let ys = data.values[0].values
    let xName = options.x ?? "n"
    let yName = data.values[0].name
    let drawn = (0..<data.count).filter { (xs[$0] ?? 0) > 0 && ys[$0] != nil }
    guard !drawn.isEmpty else { return ["(nothing to draw: no row has \(yName) and \(xName) above 0)"] }
    let (p0, poolSource) = try pooled(data: data, rows: drawn)
    let yv = drawn.compactMap { ys[$0] }
    let xv = drawn.compactMap { xs[$0] }
    guard yv.allSatisfy({ $0 >= 0 && $0 <= 100 }), p0 >= 0, p0 <= 100 else {
      throw Diagnostic(
        .error, "funnel limits are for shares: \(yName) must lie from 0 to 1 (or 0 to 100 %)",
        hints: ["a rate per 1,000 or a duration has no binomial limits"])
    }
    let scale = (yv.contains { $0 > 1 } || p0 > 1) ? 100.0 : 1.0
    let funnel = FunnelLimits(pooled: p0, scale: scale)
    let rows = max(4, settings.height)
    let xPad = TrendCharts.padded(xv)
    let xLow = Swift.max(0, xPad.low)
    // The y axis covers the points and p0 with a margin; the limits of the smallest n, which
    // can reach 0 and 100 %, are drawn where they pass within it.
    var yPad = TrendCharts.padded(yv + [p0])
    let margin = (yPad.high - yPad.low) * 0.05
    yPad = (yPad.low - margin, yPad.high + margin)
    let yScale = AxisScale(
      covering: Swift.max(0, yPad.low), Swift.min(scale, yPad.high), ticks: PlotFrame.tickCount(rows: rows), includeZero: false)
    var frame = PlotFrame(yScale: yScale, locale: settings.locale, charset: settings.charset)
    let gutter = frame.gutter(dotsHigh: rows, dotsPerRow: 1)
    let plotColumns = max(8, width - gutter - 2)
    let xScale = AxisScale(covering: xLow, xPad.high, ticks: max(2, min(10, plotColumns / 10)), includeZero: false)
    var canvas = AsciiCanvas(columns: plotColumns, rows: rows, dot: " ")
    func line(of value: Double) -> Int { PlotFrame.dotY(value, scale: yScale, dotsHigh: rows) }
    func column(of n: Double) -> Int { PlotFrame.dotX(n, low: xScale.low, high: xScale.high, dotsWide: plotColumns) }
    // The limits, column by column: 95 % first, then 99.8 % and the pooled line over them.
    let glyphs: (pooled: Character, inner: Character, outer: Character) = unicode ? ("─", "·", "∶") : ("-", ".", ":")
    func inside(_ v: Double) -> Bool { v >= yScale.low - 1e-12 && v <= yScale.high + 1e-12 }
    for c in 0..<plotColumns {
      if ChartStop.atRow(c) { break }
      let n = xScale.low + (xScale.high - xScale.low) * Double(c) / Double(Swift.max(1, plotColumns - 1))
      for (z, glyph) in [(FunnelLimits.z95, glyphs.inner), (FunnelLimits.z998, glyphs.outer)] {
        guard let l = funnel.limits(n: n, z: z) else { continue }
        for v in [l.low, l.high] where inside(v) { canvas.put(glyph, column: c, row: line(of: v), style: 1) }
      }
      canvas.put(glyphs.pooled, column: c, row: line(of: p0), style: 2)
    }
    let marks: [Character] = unicode ? ["○", "◆", "■"] : ["o", "+", "#"]
    var counts = [0, 0, 0]
    var above = 0
    var below = 0
    for row in drawn {
      guard let n = xs[row], let y = ys[row] else { continue }
      let b = band(y, n: n, limits: funnel)
      counts[b] += 1
      if b > 0 { if y > p0 { above += 1 } else { below += 1 } }
      canvas.put(marks[b], column: column(of: n), row: line(of: y), style: b == 0 ? 0 : 3)
    }
    var notes: [String] = []
    if let h = options.highlight {
      let matches = drawn.filter { data.labels[$0] == h }
      if matches.isEmpty { notes.append("highlight=\(h): no point labelled '\(h)'") }
      for row in matches {
        guard let n = xs[row], let y = ys[row] else { continue }
        let c = column(of: n)
        let r = line(of: y)
        canvas.put(unicode ? "◉" : "@", column: c, row: r, style: 4)
        let label = data.labels[row] ?? h
        let w = label.count + 1
        if c + w < canvas.columns {
          canvas.write(" " + label, column: c + 1, row: r, style: 4)
        } else if c - w >= 0 {
          canvas.write(label + " ", column: c - w, row: r, style: 4)
        }
      }
    }
    for tick in xScale.ticks where tick <= xScale.high + xScale.step / 1e6 {
      frame.xTicks.append((column(of: tick), xScale.label(tick, locale: settings.locale)))
    }
    var lines = [TerminalText.truncate("\(yName) (up) by \(xName) (across): funnel around the pooled rate", to: width)]
    lines += frame.frame(
      canvas.lines(palette: settings.color ? PlotFrame.palette : nil), labels: frame.yLabels(dotsHigh: rows, dotsPerRow: 1),
      gutter: gutter, plotColumns: plotColumns, width: width)
    let p0Text = NumberFormatting.format((p0 * 100).rounded() / 100, locale: settings.locale)
    var legend = [
      "\(marks[0]) inside 95 %", "\(marks[1]) outside 95 %", "\(marks[2]) outside 99.8 %",
      "\(glyphs.pooled) pooled \(p0Text)", "\(glyphs.inner) 95 % limits", "\(glyphs.outer) 99.8 % limits",
    ]
    if options.highlight != nil { legend.insert("\(unicode ? "◉" : "@") \(options.highlight ?? "")", at: 3) }
    lines += TerminalText.wrapSegments(legend, width: width)
    notes.insert(
      "\(drawn.count) points: \(counts[0]) inside the 95 % limits, \(counts[1] + counts[2]) outside (\(above) above, \(below) below), \(counts[2]) of them outside 99.8 %",
      at: 0)
    if drawn.count < data.count { notes.append("\(data.count - drawn.count) rows without \(yName) or with \(xName) ≤ 0 not drawn") }
    notes.append(
      "limits: p0 ± z·√(p0(1−p0)/n) with p0 = \(poolSource) as a share, z = 1.96 (95 %) and 3.09 (99.8 %)"
        + (scale == 100 ? ", clipped to 0–100 %" : ", clipped to 0–1")
        + "; overdispersion between units (Spiegelhalter) is not adjusted, so more than 5 % may fall outside by chance")
    for note in notes { lines += TerminalText.wrapIfNeeded(note, width: width) }
    return lines
  }
}
