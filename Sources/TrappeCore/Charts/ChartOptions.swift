/// The options of a chart after checking: kind, column roles and decorations.
public struct ChartOptions: Sendable, Equatable {
  /// The kind; nil lets the data decide.
  public var kind: ChartKind?
  /// The category or x column.
  public var x: String?
  /// The value or y column(s).
  public var y: [String] = []
  /// The series column.
  public var series: String?
  public var title: String?
  /// A reference value drawn as a line (e.g. a target of 25).
  public var target: Double?
  /// A category to make stand out.
  public var highlight: String?
  /// Overrides of the terminal's size.
  public var width: Int?
  public var height: Int?
  /// Histogram bins.
  public var bins: Int?
  /// Show only the N largest categories and group the rest as "others".
  public var top: Int?

  public init() {}

  /// The option names `chart` accepts.
  public static let names = ["x", "y", "series", "title", "target", "highlight", "width", "height", "bins", "top"]
}
