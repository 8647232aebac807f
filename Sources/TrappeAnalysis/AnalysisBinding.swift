import TrappeBase
import TrappeQuery

/// Binds one analysis command: checks its arguments against the input columns and builds the operator.
protocol AnalysisBinding: SendableMetatype {
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

