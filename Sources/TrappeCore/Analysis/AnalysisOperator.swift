/// A bound analysis (bench, gap, flow, ...), ready to run on its input table.
public protocol AnalysisOperator: Sendable {
  /// The output columns, known when the command is bound.
  var columns: [PlanColumn] { get }
  /// One line describing the analysis, for `explain`.
  var summary: String { get }
  /// Runs on the complete input table; `notes` receives lines for the footer (method, N, caveats).
  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table
  /// The output columns that are counts of persons (default: `persons`, `n`, `events`, `at_risk`).
  var countColumns: [String] { get }
  /// Output columns computed from counts of the same row, each with the count columns it reads (default none).
  var derivedColumns: [String: [String]] { get }
}

/// Binds one analysis command: checks its arguments against the input columns and builds the operator.
public protocol AnalysisBinding {
  /// The command word.
  static var keyword: String { get }
  /// The table the command reads when it starts a statement (`bench ...` reads `resultater`).
  static var defaultSource: String { get }
  /// The `.help` entry, with an example the tests run.
  static var help: LanguageEntry { get }
  /// Builds the operator, or a diagnostic pointing at the bad argument.
  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
}

/// A bound analysis in a logical plan; plans compare analyses by their summary.
public struct AnalysisNode: Sendable, Equatable {
  public let operation: any AnalysisOperator
  public init(_ operation: any AnalysisOperator) { self.operation = operation }
  public static func == (lhs: AnalysisNode, rhs: AnalysisNode) -> Bool {
    lhs.operation.summary == rhs.operation.summary
  }
}
