import TrappeBase

/// Draws one or more kinds of chart from prepared data.
protocol ChartDrawer: SendableMetatype {
  /// The kinds this drawer draws.
  static var kinds: [ChartKind] { get }
  /// The chart as lines, each at most `settings.width` columns wide (display width).
  static func draw(_ kind: ChartKind, data: ChartData, options: ChartOptions, settings: ChartSettings)
    throws(Diagnostic) -> [String]
}

/// Every chart drawer; each adds itself here.
enum ChartRegistry {
  static let all: [any ChartDrawer.Type] = [BarCharts.self, TrendCharts.self, DistributionCharts.self, FunnelChart.self]
}
