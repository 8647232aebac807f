
/// The options of a chart after checking: kind, column roles and decorations.
package struct ChartOptions: Sendable, Equatable {
  /// The kind; nil lets the data decide.
  package var kind: ChartKind?
  /// The category or x column.
  package var x: String?
  /// The value or y column(s): `y=value,peer_value,national_value` draws one series per column.
  package var y: [String] = []
  /// The series column.
  package var series: String?
  package var title: String?
  /// A reference value drawn as a line (e.g. a target of 25).
  package var target: Double?
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
  /// A column whose value prefixes each bar's label, rows grouped by it in order of first
  /// appearance (`i_gang · Slagelse`); set by the default chart of a gap result.
  package var group: String?
  /// Whether bars keep the input order instead of sorting by value.
  package var keepOrder: Bool = false

  package init() {}

  /// The option names `chart` accepts.
  static let names = ["x", "y", "series", "title", "target", "highlight", "label", "width", "height", "bins", "top", "rows"]

  /// The rows a bar-like chart draws without `rows=`: a 3.5-million-row result would print
  /// 3.5 million bars and take a minute.
  static let defaultRows = 1_000

  /// The most rows `rows=` allows.
  static let maximumRows = 10_000_000
}
