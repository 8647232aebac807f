import TrappeBase
import TrappeStorage

/// A bound analysis (bench, gap, flow, ...), ready to run on its input table.
package protocol AnalysisOperator: Sendable {
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
  /// The analysis as one SQL query over `input` that outputs `__ord` and ``columns`` (periods in the
  /// dialect's representation), or nil when it has no SQL form (default).
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String?
  /// The analysis split for an engine: a reducing query run there and a local finish on its
  /// result (``SQLPushdown``), or nil when it has none (default). An engine prefers it to ``sql``.
  func pushdown(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> SQLPushdown?
  /// Whether its notes define its output columns (see the default below).
  var notesDefineColumns: Bool { get }
  /// The footer notes of a run whose whole ``sql(input:dialect:)`` form ran on an engine, told
  /// from its output with the code that writes the local run's notes, or nil when the output
  /// cannot tell them (default).
  func notes(ofEngineResult output: Table) -> [String]?
}

extension AnalysisOperator {
  /// Whether its notes define its output columns as `column: …` lines (or `;` parts), so a
  /// footer may leave out the definitions of columns a later stage dropped (default false:
  /// a note headed by a column name may also describe the method).
  package var notesDefineColumns: Bool { false }

  package func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? { nil }

  package func pushdown(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> SQLPushdown? { nil }

  package func notes(ofEngineResult output: Table) -> [String]? { nil }
}

/// Binds the analysis stages (`bench`, `gap`, ...), which live in a layer above the query engine.
///
/// The binder hands an analysis stage to this protocol; the analysis layer implements it with the
/// session's measures and saved groups. Without one, analysis stages are refused with a caret.
package protocol AnalysisBinder {
  /// The table an analysis reads when it starts a statement, or nil when the keyword is unknown.
  func defaultSource(for spec: AnalysisSpec) -> String?
  /// Builds the operator, or a diagnostic pointing at the bad argument.
  func bind(
    _ spec: AnalysisSpec, input: [PlanColumn], source: SourceText,
    resolveTable: @escaping (String) throws(Diagnostic) -> Table?
  ) throws(Diagnostic) -> any AnalysisOperator
  /// Builds the operator knowing the tables the input is read from (`forloeb` for
  /// `forloeb | where …`), so an analysis can use their manifests (survival's observation window).
  func bind(
    _ spec: AnalysisSpec, input: [PlanColumn], inputTables: [String], source: SourceText,
    resolveTable: @escaping (String) throws(Diagnostic) -> Table?
  ) throws(Diagnostic) -> any AnalysisOperator
}

extension AnalysisBinder {
  package func bind(
    _ spec: AnalysisSpec, input: [PlanColumn], inputTables: [String], source: SourceText,
    resolveTable: @escaping (String) throws(Diagnostic) -> Table?
  ) throws(Diagnostic) -> any AnalysisOperator {
    try bind(spec, input: input, source: source, resolveTable: resolveTable)
  }
}

/// A bound analysis in a logical plan; plans compare analyses by their summary.
package struct AnalysisNode: Sendable, Equatable {
  package let operation: any AnalysisOperator
  package init(_ operation: any AnalysisOperator) { self.operation = operation }
  package static func == (lhs: AnalysisNode, rhs: AnalysisNode) -> Bool {
    lhs.operation.summary == rhs.operation.summary
  }
}
