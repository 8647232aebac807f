
/// A result table seen by a chart: columns as plain arrays, with roles resolved.
///
/// Charts draw at most a few thousand points, so the values are copied into
/// Swift arrays once; tables with more rows are summarised first by the chart.
struct ChartData: Sendable {
  /// The category (or x) labels, one per row, NULL as nil.
  var labels: [String?]
  /// The category column's name.
  var labelName: String
  /// Each value column: name and values per row (NULL as nil).
  var values: [(name: String, values: [Double?])]
  /// The series label per row, when a series column is used.
  var series: [String?]?
  var seriesName: String?
  /// Numeric x values per row when the x column is numeric or a period (for line and scatter).
  var xValues: [Double?]?

  /// The number of rows.
  var count: Int { labels.count }
}

extension ChartData {
  /// Shows the columns by their display titles (labels, `.lang da` words) on axes and legends.
  mutating func applyTitles(_ titles: [String: String]) {
    guard !titles.isEmpty else { return }
    labelName = titles[labelName] ?? labelName
    values = values.map { (titles[$0.name] ?? $0.name, $0.values) }
    seriesName = seriesName.map { titles[$0] ?? $0 }
  }
}
