import TrappeBase
import TrappeIO

/// Draws the trend charts: `line`, `sparkline` and `scatter`.
enum TrendCharts: ChartDrawer {
  static var kinds: [ChartKind] { [.line, .step, .sparkline, .scatter] }

  static func draw(_ kind: ChartKind, data: ChartData, options: ChartOptions, settings: ChartSettings)
    throws(Diagnostic) -> [String]
  {
    var settings = settings
    settings.width = max(20, settings.width)
    settings.height = max(2, settings.height)
    let lines: [String]
    switch kind {
    case .sparkline: lines = SparklineChart.draw(data: data, options: options, settings: settings)
    case .scatter: lines = try ScatterChart.draw(data: data, options: options, settings: settings)
    default: lines = LineChart.draw(data: data, options: options, settings: settings, step: kind == .step)
    }
    return lines.map { line in
      DisplayWidth.of(TerminalText.strippingEscapes(line)) <= settings.width
        ? line : TerminalText.truncate(TerminalText.strippingEscapes(line), to: settings.width)
    }
  }

  /// A value as short as it is exact: whole numbers without decimals, in `locale`.
  static func number(_ value: Double, locale: NumberLocale) -> String {
    if value == value.rounded(), Swift.abs(value) < 1e15 { return NumberFormatting.format(Int64(value), locale: locale) }
    return NumberFormatting.format(value, locale: locale)
  }

  /// The range of `values`, widened around a single value so that it sits mid-axis.
  static func padded(_ values: [Double]) -> (low: Double, high: Double) {
    let low = values.min() ?? 0
    let high = values.max() ?? 0
    guard low == high else { return (low, high) }
    let margin = Swift.max(1, Swift.abs(low) * 0.1)
    return (low - margin, high + margin)
  }

  /// The decimals to show for `values`: none from 100, one from 10, otherwise two.
  static func decimals(_ values: [Double]) -> Int {
    let magnitude = values.map { Swift.abs($0) }.max() ?? 0
    return magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
  }

  /// `value` with exactly `decimals` decimals in `locale` (`10.0`, `11,4`, `1283`).
  static func number(_ value: Double, decimals: Int, locale: NumberLocale) -> String {
    var factor = 1.0
    for _ in 0..<max(0, decimals) { factor *= 10 }
    let scaled = (Swift.abs(value) * factor).rounded()
    guard scaled.isFinite, scaled < 1e15 else { return NumberFormatting.format(value, locale: locale) }
    let units = Int64(scaled)
    let whole = units / Int64(factor)
    var text = NumberFormatting.format(whole, locale: locale)
    if decimals > 0 {
      let fraction = String(units % Int64(factor))
      text += (locale == .danish ? "," : ".") + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
    return (value < 0 && units != 0 ? "-" : "") + text
  }
}
