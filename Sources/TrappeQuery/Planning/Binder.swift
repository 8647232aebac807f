import TrappeBase
import TrappeStorage

/// Turns a parsed pipeline into a ``LogicalPlan``, resolving names and types.
///
/// Each stage is bound against the output columns of the stage before it.
/// Errors point at the exact span in the statement, name the stage, and
/// suggest the nearest table, column or function name.
package struct Binder {
  /// The statement text, for diagnostics.
  let source: SourceText
  /// Looks a table up by name (catalog tables, `_`, `outN`).
  let resolveTable: (String) throws(Diagnostic) -> Table?
  /// Names offered as suggestions for an unknown table.
  let tableNames: [String]
  /// Binds analysis stages (`bench`, `gap`, ...); nil where none are available.
  let analyses: (any AnalysisBinder)?
  /// The int columns of a table whose unit is year (from its manifest), so that windows
  /// ordered by them check for gaps between periods as they do for period columns.
  let yearColumns: (String) -> Set<String>

  package init(
    source: SourceText, resolveTable: @escaping (String) throws(Diagnostic) -> Table?, tableNames: [String],
    analyses: (any AnalysisBinder)? = nil, yearColumns: @escaping (String) -> Set<String> = { _ in [] }
  ) {
    self.source = source
    self.resolveTable = resolveTable
    self.tableNames = tableNames
    self.analyses = analyses
    self.yearColumns = yearColumns
  }

  /// Binds a whole pipeline.
  package func bind(_ pipeline: Pipeline) throws(Diagnostic) -> LogicalPlan {
    var pipeline = pipeline
    if pipeline.source.isEmpty, case .analysis(let spec)? = pipeline.stages.first?.kind,
      let source = analyses?.defaultSource(for: spec)
    {
      // `bench ...` at the start of a statement reads the analysis's default table
      // (for a measure, the table the measure is meant for).
      pipeline.source = source
    }
    guard let table = try resolveTable(pipeline.source) else {
      let hints =
        tableNames.isEmpty
        ? ["no tables are loaded yet: try .load FILE as NAME"]
        : ["tables: \(tableNames.joined(separator: ", "))"]
      throw source.diagnostic("unknown table '\(pipeline.source)'", at: pipeline.sourceRange, hints: hints)
        .suggesting(Suggestion.nearest(to: pipeline.source, in: tableNames))
    }
    var plan = LogicalPlan.scan(
      name: pipeline.source, table: table, columns: Array(0..<table.columnCount))
    for (index, stage) in pipeline.stages.enumerated() {
      do {
        plan = try bindStage(stage, on: plan)
      } catch {
        var located = error
        located.hints.append("in stage \(index + 1): \(stage.keyword)")
        throw located
      }
    }
    return plan
  }

  /// A diagnostic at `range`.
  func error(_ message: String, at range: SourceRange, hints: [String] = []) -> Diagnostic {
    source.diagnostic(message, at: range, hints: hints)
  }
}
