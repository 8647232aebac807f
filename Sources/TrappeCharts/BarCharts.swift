import TrappeBase
import TrappeIO

/// Draws the bar family of charts: horizontal `bar`, `grouped`, `stacked` and vertical `column`.
///
/// Every line fits `settings.width` display columns; the ASCII charset uses only
/// ASCII characters, and nothing depends on colour to be readable.
enum BarCharts: ChartDrawer {
  static var kinds: [ChartKind] { [.bar, .grouped, .stacked, .column] }

  static func draw(_ kind: ChartKind, data: ChartData, options: ChartOptions, settings: ChartSettings)
    throws(Diagnostic) -> [String]
  {
    var settings = settings
    settings.width = Swift.max(20, settings.width)
    let lines: [String]
    switch kind {
    case .grouped: lines = try GroupedBarChart.draw(data, options: options, settings: settings)
    case .stacked: lines = try StackedBarChart.draw(data, options: options, settings: settings)
    case .column: lines = try ColumnChart.draw(data, options: options, settings: settings)
    default: lines = try BarChart.draw(data, options: options, settings: settings)
    }
    return lines.map { line in
      let plain = TerminalText.strippingEscapes(line)
      return DisplayWidth.of(plain) <= settings.width ? line : TerminalText.truncate(plain, to: settings.width)
    }
  }
}
