import TrappeBase
import TrappeStorage
import TrappeIO

/// Draws a chart as SVG for HTML reports, from the same resolved chart (``ChartModel``) the
/// terminal draws: its kind (the default for an analysis result included), data, title, axis
/// titles with the unit, and target. Line-like kinds are drawn by ``SVGLineChart``, bar-like
/// kinds by ``SVGBarChart``; another kind throws, and the report shows the text drawing
/// instead. Series are told apart by marker shape and dash pattern as well as colour, so a
/// print in black and white still reads.
package enum SVGChart {
  /// The chart `model` as an `<svg>` element (no XML prolog), numbers in `locale`.
  package static func render(_ model: ChartModel, locale: NumberLocale) throws(Diagnostic) -> String {
    let data = model.data
    let options = model.options
    guard data.count > 0 else { throw Diagnostic(.error, "no rows to chart") }
    let series = SVGSeries.split(data)
    let yTitle = data.yTitle.isEmpty ? series.valueName : data.yTitle
    let xTitle = data.xTitle.isEmpty ? data.labelName : data.xTitle
    switch model.kind {
    case .line, .step, .sparkline, .scatter:
      return SVGLineChart(
        series: series, title: data.title, xName: xTitle, yName: yTitle, target: options.target,
        points: model.kind == .scatter, locale: locale
      ).svg
    case .bar, .grouped, .stacked, .column:
      return SVGBarChart(
        series: series, title: data.title, categoryName: xTitle, valueName: yTitle,
        target: options.target, highlight: options.highlight, locale: locale
      ).svg
    default:
      throw Diagnostic(.error, "the chart kind '\(model.kind.rawValue)' is not drawn as SVG yet")
    }
  }
}

/// Chart data arranged as categories (x) × series, for the SVG drawers.
struct SVGSeries {
  /// The categories in order of first appearance, with their numeric x when the x is numeric.
  var categories: [String]
  var xs: [Double]?
  /// Each series: its name and its value per category (nil when missing).
  var series: [(name: String, values: [Double?])]
  /// What the values are, for the axis title.
  var valueName: String

  /// Splits `data`: by its series column when it has one, else one series per value column.
  static func split(_ data: ChartData) -> SVGSeries {
    var categories: [String] = []
    var index: [String: Int] = [:]
    var xs: [Double] = []
    for row in 0..<data.count {
      let label = data.labels[row] ?? "NULL"
      if index[label] == nil {
        index[label] = categories.count
        categories.append(label)
        xs.append(data.xValues?[row] ?? .nan)
      }
    }
    let numericX = data.xValues != nil && xs.allSatisfy { $0.isFinite }
    var series: [(name: String, values: [Double?])] = []
    if let names = data.series, let first = data.values.first {
      var seriesIndex: [String: Int] = [:]
      for row in 0..<data.count {
        let name = names[row] ?? "NULL"
        if seriesIndex[name] == nil {
          seriesIndex[name] = series.count
          series.append((name, Array(repeating: nil, count: categories.count)))
        }
        if let s = seriesIndex[name], let c = index[data.labels[row] ?? "NULL"] { series[s].values[c] = first.values[row] }
      }
      return SVGSeries(
        categories: categories, xs: numericX ? xs : nil, series: series, valueName: first.name)
    }
    for column in data.values {
      var values = [Double?](repeating: nil, count: categories.count)
      for row in 0..<data.count {
        if let c = index[data.labels[row] ?? "NULL"] { values[c] = column.values[row] }
      }
      series.append((column.name, values))
    }
    return SVGSeries(
      categories: categories, xs: numericX ? xs : nil, series: series,
      valueName: data.values.count == 1 ? data.values[0].name : "value")
  }
}

/// Small helpers shared by the SVG drawers.
enum SVG {
  /// Colours that stay apart in print and for colour-blind readers (Okabe–Ito).
  static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"]
  /// Dash patterns, one per series after the first.
  static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"]

  /// A value as a label: whole numbers without decimals, others as tables show them.
  static func number(_ value: Double, locale: NumberLocale) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return NumberFormatting.format(Int64(value), locale: locale) }
    return NumberFormatting.format(value, locale: locale)
  }

  static func colour(_ index: Int) -> String { colours[index % colours.count] }
  static func dash(_ index: Int) -> String { dashes[index % dashes.count] }

  /// Text escaped for SVG (XML): as for HTML.
  static func escaped(_ text: String) -> String { TableExporter.htmlEscaped(text) }

  /// A coordinate with at most one decimal.
  static func n(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
  }

  /// A marker of shape `index` (circle, square, triangle, diamond, …) at x, y.
  static func marker(_ index: Int, x: Double, y: Double, colour: String) -> String {
    let r = 4.0
    switch index % 4 {
    case 0:
      return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(colour)\"/>"
    case 1:
      return "<rect x=\"\(n(x - r))\" y=\"\(n(y - r))\" width=\"\(n(2 * r))\" height=\"\(n(2 * r))\" fill=\"\(colour)\"/>"
    case 2:
      return "<path d=\"M\(n(x)) \(n(y - r - 1))L\(n(x + r + 1)) \(n(y + r))L\(n(x - r - 1)) \(n(y + r))Z\" fill=\"\(colour)\"/>"
    default:
      return "<path d=\"M\(n(x)) \(n(y - r - 1))L\(n(x + r + 1)) \(n(y))L\(n(x)) \(n(y + r + 1))L\(n(x - r - 1)) \(n(y))Z\" fill=\"\(colour)\"/>"
    }
  }

  /// The opening tag with the title for screen readers, and the title shown centred on top.
  static func open(width: Double, height: Double, title: String?) -> String {
    var out =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(n(width)) \(n(height))\" "
      + "width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">\n"
    if let title {
      out += "<title>\(escaped(title))</title>\n"
      out += "<text x=\"\(n(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" font-weight=\"bold\">\(escaped(title))</text>\n"
    }
    return out
  }

  /// A legend in a row at `y`: marker, dash sample and name per series.
  static func legend(_ names: [String], x: Double, y: Double, markers: Bool) -> String {
    guard names.count > 1 else { return "" }
    var out = ""
    var left = x
    for (i, name) in names.enumerated() {
      let colour = SVG.colour(i)
      let dash = SVG.dash(i)
      if markers {
        out +=
          "<line x1=\"\(n(left))\" y1=\"\(n(y))\" x2=\"\(n(left + 24))\" y2=\"\(n(y))\" stroke=\"\(colour)\" stroke-width=\"2\""
          + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
      }
      out += markers ? marker(i, x: left + 12, y: y, colour: colour) : ""
      if !markers {
        out += "<rect x=\"\(n(left + 4))\" y=\"\(n(y - 6))\" width=\"16\" height=\"12\" fill=\"\(colour)\"\(pattern(i))/>"
      }
      out += "<text x=\"\(n(left + 30))\" y=\"\(n(y + 4))\">\(escaped(name))</text>\n"
      left += 40 + Double(name.count) * 7
    }
    return out
  }

  /// A fill opacity per series for bars, so series differ in grey too.
  static func pattern(_ index: Int) -> String {
    index == 0 ? "" : " fill-opacity=\"\(n(1 - 0.25 * Double(index % 3)))\" stroke=\"#000\" stroke-width=\"0.5\""
  }
}
