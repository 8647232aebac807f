
/// The options of a chart after checking: kind, column roles and decorations.
package struct ChartOptions: Sendable, Equatable {
  /// The kind; nil lets the data decide.
  var kind: ChartKind?
  /// The category or x column.
  var x: String?
  /// The value or y column(s).
  var y: [String] = []
  /// The series column.
  var series: String?
  var title: String?
  /// A reference value drawn as a line (e.g. a target of 25).
  var target: Double?
  /// A category to make stand out.
  var highlight: String?
  /// The column that names the points (funnel); else the first text column.
  var label: String?
  /// Overrides of the terminal's size.
  var width: Int?
  var height: Int?
  /// Histogram bins.
  var bins: Int?
  /// Show only the N largest categories and group the rest as "others".
  var top: Int?
  /// The most rows a bar-like chart draws (one bar, column or grid row per row); nil means
  /// ``defaultRows``. The chart says how many rows it left out.
  var rows: Int?

  init() {}

  /// The option names `chart` accepts.
  static let names = ["x", "y", "series", "title", "target", "highlight", "label", "width", "height", "bins", "top", "rows"]

  /// The rows a bar-like chart draws without `rows=`: a 3.5-million-row result would print
  /// 3.5 million bars and take a minute.
  static let defaultRows = 1_000

  /// The most rows `rows=` allows.
  static let maximumRows = 10_000_000
}
