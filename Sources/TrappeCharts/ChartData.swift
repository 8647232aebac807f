/// A result table seen by a chart: columns as plain arrays, with roles resolved, and the
/// words around the plot (title, axis titles, unit) that every renderer draws the same.
///
/// Charts draw at most a few thousand points, so the values are copied into
/// Swift arrays once; tables with more rows are summarised first by the chart.
package struct ChartData: Sendable {
  /// The category (or x) labels, one per row, NULL as nil.
  package var labels: [String?]
  /// The category column's name.
  package var labelName: String
  /// Each value column: name and values per row (NULL as nil).
  package var values: [(name: String, values: [Double?])]
  /// The series label per row, when a series column is used.
  package var series: [String?]?
  package var seriesName: String?
  /// Numeric x values per row when the x column is numeric or a period (for line and scatter).
  package var xValues: [Double?]?
  /// The chart's title: `title=`, else the query that made the result.
  package var title: String? = nil
  /// The axis titles: the x (category) axis and the y (value) axis, the unit included (`value (%)`).
  package var xTitle: String = ""
  package var yTitle: String = ""
  /// The unit of the values (`%`), from the measure; nil when unknown.
  package var unit: String? = nil
  /// Extra value columns drawn as markers on each bar (`peer_value`, `national_value`, `threshold`).
  package var markerNames: [String] = []
  /// The group of each row (`group=`, a gap result's measure): bar charts draw a heading line
  /// where the group changes; the rows arrive grouped.
  package var groups: [String]? = nil
  /// Whether bar rows keep the input order (no sorting by value).
  package var keepOrder: Bool = false
  /// Display title → column name, for the columns ``applyTitles(_:)`` renamed: drawers that mark
  /// a column by its role (`peer_value` ●, `national_value` ◆) look the real name up here.
  package var columnNames: [String: String] = [:]

  /// The number of rows.
  package var count: Int { labels.count }
}

extension ChartData {
  /// Shows the columns by their display titles (labels, `.lang da` words) on axes and legends.
  mutating func applyTitles(_ titles: [String: String]) {
    guard !titles.isEmpty else { return }
    for name in [labelName] + values.map(\.name) + (seriesName.map { [$0] } ?? []) {
      if let title = titles[name] { columnNames[title] = name }
    }
    labelName = titles[labelName] ?? labelName
    values = values.map { (titles[$0.name] ?? $0.name, $0.values) }
    seriesName = seriesName.map { titles[$0] ?? $0 }
  }

  /// The column a shown name stands for (itself unless a display title renamed it).
  func columnName(_ shown: String) -> String { columnNames[shown] ?? shown }
}
