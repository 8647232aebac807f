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
    let resolved: Table?
    do {
      resolved = try resolveTable(pipeline.source)
    } catch {
      // A resolver's refusal without a place (an engine table of an unsupported type, a file
      // source with no engine attached) points at the source as written.
      guard error.location == nil else { throw error }
      throw source.diagnostic(error.message, at: pipeline.sourceRange, hints: error.hints)
    }
    guard let table = resolved else {
      var hints =
        tableNames.isEmpty
        ? ["no tables are loaded yet: try .load FILE as NAME"]
        : ["tables: \(tableNames.joined(separator: ", "))"]
      if pipeline.stages.isEmpty, let habit = HabitHints.start(pipeline.source) { hints.insert(habit, at: 0) }
      throw source.diagnostic("unknown table '\(pipeline.source)'", at: pipeline.sourceRange, hints: hints)
        .suggesting(Suggestion.nearest(to: pipeline.source, in: tableNames))
    }
    var plan = LogicalPlan.scan(
      name: pipeline.source, table: table, columns: Array(0..<table.columnCount))
    for (index, stage) in pipeline.stages.enumerated() {
      do {
        plan = try bindStage(stage, on: plan)
        if case .pivot = stage.kind,
          pipeline.stages[(index + 1)...].contains(where: { if case .chart = $0.kind { false } else { true } })
        {
          // The stages after a pivot may name its value columns, which only the data names.
          plan = try materialize(plan, for: stage)
        }
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

  /// "unknown function" at the name, with Trappe's name for another tool's function or the
  /// nearest spelling (``FunctionCatalog/suggestion(for:)``).
  func unknownFunction(_ name: String, at range: SourceRange) -> Diagnostic {
    error("unknown function '\(name)'", at: range, hints: FunctionCatalog.unknownHints(for: name))
      .suggesting(FunctionCatalog.suggestion(for: name))
  }
}

extension Binder {
  /// Runs `plan` now and returns a node holding its result, so that later stages bind
  /// against its actual columns. Ctrl-C stops the run like any query; an analysis's error
  /// is rethrown.
  func materialize(_ plan: LogicalPlan, for stage: Stage? = nil) throws(Diagnostic) -> LogicalPlan {
    var executor = Executor()
    let optimized = Optimizer.optimize(plan)
    do throws(ExecutionStop) {
      let table = try executor.run(optimized)
      return .materialized(
        optimized,
        result: MaterializedResult(
          table: table, summarizedRows: executor.aggregatedRows, warnings: executor.warnings, notes: executor.notes))
    } catch {
      if let failure = executor.failure { throw failure }
      if case .overBudget(let overrun) = error {
        guard let stage else { throw overrun.diagnostic }
        let pipeline = Pipeline(source: "", sourceRange: stage.range, stages: [stage], range: stage.range)
        throw overrun.diagnostic(in: pipeline, source: source)
      }
      throw Diagnostic(.error, "interrupted: the query was stopped and nothing was changed")
    }
  }
}
