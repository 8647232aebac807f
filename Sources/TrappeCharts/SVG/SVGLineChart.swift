import TrappeBase

/// A line chart in SVG: one line per series with a marker shape and dash pattern each, the x
/// axis numeric (positions by value) or by category, a dashed target line, axis titles, legend.
struct SVGLineChart {
  var series: SVGSeries
  var title: String?
  var xName: String
  var yName: String
  var target: Double?
  /// Scatter: markers without lines.
  var points: Bool
  var locale: NumberLocale

  var svg: String {
    let width = 720.0, height = 360.0
    let left = 64.0, right = 24.0, top = title == nil ? 20.0 : 40.0
    let legendRows = series.series.count > 1 ? 24.0 : 0
    let bottom = 52.0 + legendRows
    let plotW = width - left - right, plotH = height - top - bottom
    let values = series.series.flatMap { $0.values.compactMap { $0 } } + (target.map { [$0] } ?? [])
    let scale = AxisScale(covering: values.min() ?? 0, values.max() ?? 1, ticks: 5, includeZero: true)
    let xs = series.xs
    let xScale = xs.map { xs -> AxisScale in
      var scale = AxisScale(covering: xs.min() ?? 0, xs.max() ?? 1, ticks: 6, includeZero: false)
      // The line runs from the first x to the last; a little room at both ends for the markers.
      if let low = xs.min(), let high = xs.max(), high > low {
        let pad = (high - low) * 0.03
        scale.low = low - pad
        scale.high = high + pad
      }
      return scale
    }
    func px(_ i: Int) -> Double {
      if let xs, let xScale { return left + xScale.position(xs[i], length: 1) * plotW }
      let count = series.categories.count
      return left + (count <= 1 ? plotW / 2 : Double(i) / Double(count - 1) * plotW)
    }
    func py(_ value: Double) -> Double { top + plotH - scale.position(value, length: 1) * plotH }

    var out = SVG.open(width: width, height: height, title: title)
    // The y grid and ticks.
    var tick = scale.low
    while tick <= scale.high + scale.step / 2 {
      let y = py(tick)
      out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(y))\" stroke=\"#ddd\"/>"
      out += "<text x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(y + 4))\" text-anchor=\"end\">\(SVG.escaped(scale.label(tick, locale: locale)))</text>\n"
      tick += scale.step
    }
    // The x ticks: the numeric scale's ticks, or every category (thinned to about 12).
    if let xs, let xScale {
      // Whole-number x (years, rounds): whole ticks at a 1, 2, 5, 10 … step, spelled without grouping.
      let whole = xs.allSatisfy { $0 == $0.rounded() && abs($0) < 1e15 }
      var ticks: [Double] = []
      if whole, let low = xs.min(), let high = xs.max() {
        var step = 1.0
        for candidate in [1.0, 2, 5, 10, 20, 50, 100, 200, 500, 1000] {
          step = candidate
          if (high - low) / candidate <= 8 { break }
        }
        while (high - low) / step > 8 { step *= 10 }
        var x = (low / step).rounded(.up) * step
        while x <= high { ticks.append(x); x += step }
      } else {
        var x = xScale.low
        while x <= xScale.high + xScale.step / 2 { ticks.append(x); x += xScale.step }
      }
      for x in ticks {
        let position = left + xScale.position(x, length: 1) * plotW
        let label = whole ? String(Int64(x)) : xScale.label(x, locale: locale)
        out += "<text x=\"\(SVG.n(position))\" y=\"\(SVG.n(top + plotH + 18))\" text-anchor=\"middle\">\(SVG.escaped(label))</text>\n"
      }
    } else {
      let every = max(1, series.categories.count / 12)
      for (i, name) in series.categories.enumerated() where i % every == 0 {
        out += "<text x=\"\(SVG.n(px(i)))\" y=\"\(SVG.n(top + plotH + 18))\" text-anchor=\"middle\">\(SVG.escaped(name))</text>\n"
      }
    }
    out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(top + plotH))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#333\"/>"
    out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(left))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#333\"/>\n"
    // Axis titles.
    out += "<text x=\"\(SVG.n(left + plotW / 2))\" y=\"\(SVG.n(top + plotH + 38))\" text-anchor=\"middle\" font-style=\"italic\">\(SVG.escaped(xName))</text>\n"
    out += "<text transform=\"translate(14 \(SVG.n(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\" font-style=\"italic\">\(SVG.escaped(yName))</text>\n"
    if let target {
      let y = py(target)
      out += "<line x1=\"\(SVG.n(left))\" y1=\"\(SVG.n(y))\" x2=\"\(SVG.n(left + plotW))\" y2=\"\(SVG.n(y))\" stroke=\"#c00\" stroke-width=\"1.5\" stroke-dasharray=\"8 4\"/>"
      out += "<text x=\"\(SVG.n(left + plotW - 4))\" y=\"\(SVG.n(y - 5))\" text-anchor=\"end\" fill=\"#c00\">target \(SVG.escaped(SVG.number(target, locale: locale)))</text>\n"
    }
    // The series, in x order.
    let order = series.categories.indices.sorted { a, b in
      guard let xs else { return a < b }
      return xs[a] < xs[b]
    }
    for (s, line) in series.series.enumerated() {
      let colour = SVG.colour(s)
      let drawn = order.compactMap { i in line.values[i].map { (x: px(i), y: py($0)) } }
      if !points, drawn.count > 1 {
        let path = drawn.enumerated().map { ($0.offset == 0 ? "M" : "L") + SVG.n($0.element.x) + " " + SVG.n($0.element.y) }.joined()
        let dash = SVG.dash(s)
        out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n"
      }
      if drawn.count <= 60 || points {
        for point in drawn { out += SVG.marker(s, x: point.x, y: point.y, colour: colour) }
        out += "\n"
      }
    }
    out += SVG.legend(series.series.map(\.name), x: left, y: height - 14, markers: true)
    return out + "</svg>\n"
  }
}
