
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
  /// Overrides of the terminal's size.
  var width: Int?
  var height: Int?
  /// Histogram bins.
  var bins: Int?
  /// Show only the N largest categories and group the rest as "others".
  var top: Int?

  init() {}

  /// The option names `chart` accepts.
  static let names = ["x", "y", "series", "title", "target", "highlight", "width", "height", "bins", "top"]
}
