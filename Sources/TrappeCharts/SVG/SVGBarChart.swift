import TrappeBase

/// Horizontal bars in SVG: one group per category, one bar per series (told apart by colour and
/// shade), the value at the end of each bar, a dashed target line, axis titles and a legend.
struct SVGBarChart {
  var series: SVGSeries
  var title: String?
  var categoryName: String
  var valueName: String
  var target: Double?
  var highlight: String?
  var locale: NumberLocale

  var svg: String {
    let count = series.categories.count
    let perGroup = series.series.count
    let barH = 16.0, gap = 8.0
    let longest = series.categories.map(\.count).max() ?? 4
    let left = min(220, max(70, Double(longest) * 7 + 16)), right = 70.0
    let top = title == nil ? 16.0 : 38.0
    let legendRows = perGroup > 1 ? 24.0 : 0
    let plotH = Double(count) * (Double(perGroup) * barH + gap)
    let bottom = 48.0 + legendRows
    let width = 720.0, height = top + plotH + bottom
    let plotW = width - left - right
    let values = series.series.flatMap { $0.values.compactMap { $0 } } + (target.map { [$0] } ?? [])
    let scale = AxisScale(covering: values.min() ?? 0, values.max() ?? 1, ticks: 5, includeZero: true)
    func px(_ value: Double) -> Double { left + scale.position(value, length: 1) * plotW }

    var out = SVG.open(width: width, height: height, title: title)
    var tick = scale.low
    while tick <= scale.high + scale.step / 2 {
      let x = px(tick)
      out += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#ddd\"/>"
      out += "<text x=\"\(SVG.n(x))\" y=\"\(SVG.n(top + plotH + 16))\" text-anchor=\"middle\">\(SVG.escaped(scale.label(tick, locale: locale)))</text>\n"
      tick += scale.step
    }
    let zero = px(max(scale.low, min(scale.high, 0)))
    for (c, name) in series.categories.enumerated() {
      let groupTop = top + Double(c) * (Double(perGroup) * barH + gap) + gap / 2
      let bold = highlight.map { $0 == name } ?? false
      out += "<text x=\"\(SVG.n(left - 6))\" y=\"\(SVG.n(groupTop + Double(perGroup) * barH / 2 + 4))\" text-anchor=\"end\"" + (bold ? " font-weight=\"bold\"" : "") + ">\(SVG.escaped(name))</text>\n"
      for (s, line) in series.series.enumerated() {
        guard let value = line.values[c] else { continue }
        let y = groupTop + Double(s) * barH
        let x = px(value)
        out += "<rect x=\"\(SVG.n(min(x, zero)))\" y=\"\(SVG.n(y + 1))\" width=\"\(SVG.n(abs(x - zero)))\" height=\"\(SVG.n(barH - 2))\" fill=\"\(bold ? "#D55E00" : SVG.colour(s))\"\(SVG.pattern(s))/>"
        out += "<text x=\"\(SVG.n(max(x, zero) + 4))\" y=\"\(SVG.n(y + barH - 4))\" font-size=\"11\">\(SVG.escaped(SVG.number(value, locale: locale)))</text>\n"
      }
    }
    out += "<line x1=\"\(SVG.n(zero))\" y1=\"\(SVG.n(top))\" x2=\"\(SVG.n(zero))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#333\"/>\n"
    if let target {
      let x = px(target)
      out += "<line x1=\"\(SVG.n(x))\" y1=\"\(SVG.n(top - 4))\" x2=\"\(SVG.n(x))\" y2=\"\(SVG.n(top + plotH))\" stroke=\"#c00\" stroke-width=\"1.5\" stroke-dasharray=\"8 4\"/>"
      out += "<text x=\"\(SVG.n(x + 4))\" y=\"\(SVG.n(top - 6))\" fill=\"#c00\">target \(SVG.escaped(SVG.number(target, locale: locale)))</text>\n"
    }
    out += "<text x=\"\(SVG.n(left + plotW / 2))\" y=\"\(SVG.n(top + plotH + 34))\" text-anchor=\"middle\" font-style=\"italic\">\(SVG.escaped(valueName))</text>\n"
    out += SVG.legend(series.series.map(\.name), x: left, y: height - 12, markers: false)
    return out + "</svg>\n"
  }
}
