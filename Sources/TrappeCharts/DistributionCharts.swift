import TrappeBase
import TrappeIO

/// Draws the distribution charts: `histogram`, `heatmap` and `box`.
///
/// Every line is at most `settings.width` display columns wide, and the output
/// depends only on the data, options and settings.
enum DistributionCharts: ChartDrawer {
  static let kinds: [ChartKind] = [.histogram, .heatmap, .box]

  /// The chart of `kind` as lines.
  static func draw(_ kind: ChartKind, data: ChartData, options: ChartOptions, settings: ChartSettings)
    throws(Diagnostic) -> [String]
  {
    let lines: [String]
    switch kind {
    case .histogram: lines = HistogramChart.draw(data: data, options: options, settings: settings)
    case .heatmap: lines = HeatmapChart.draw(data: data, options: options, settings: settings)
    case .box: lines = BoxChart.draw(data: data, options: options, settings: settings)
    default: throw Diagnostic(.error, "the distribution charts do not draw '\(kind.rawValue)'")
    }
    return settings.color ? lines : lines.map { TerminalText.truncate($0, to: Swift.max(1, settings.width)) }
  }
}
