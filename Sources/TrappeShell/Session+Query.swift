import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis

extension Session {
  /// Runs a statement of the query language: a pipeline, `let NAME = ...` or `explain ...`.
  func runQuery(_ text: String) throws(Diagnostic) {
    let source = SourceText(text)
    let statement: Statement
    do throws(LanguageError) {
      statement = try QueryParser.parse(text)
    } catch {
      throw error.diagnostic(in: source)
    }
    switch statement {
    case .pipeline(var pipeline):
      var chart: ChartSpec?
      if case .chart(let spec)? = pipeline.stages.last?.kind {
        chart = spec
        pipeline.stages.removeLast()
      }
      let outcome = try evaluate(pipeline, source: source)
      report(outcome.warnings)
      let derived = CatalogEntry.derived(
        catalog.nextResultName, table: outcome.table, statement: source[pipeline.range], inputs: outcome.inputs,
        roles: outcome.roles, plan: outcome.plan)
      let fresh = suppression(of: outcome.table, roles: derived.roles)
      // What was shown hidden stays hidden: later queries on outN and _ read NULL in those cells,
      // and a result that is another one unchanged (`out8`, `_`) shows `<N` where that one did.
      let mask = fresh.merging(outcome.unchangedHidden ?? SuppressionMask())
      let entry = derived.suppressed(by: fresh, shown: mask)
      catalog.appendResult(entry)
      let resultFooter = footer(
        naming: entry.name, outcome: outcome, filters: pipeline.filterTexts(in: source),
        suppression: mask.footer(names: outcome.table.schema.names))
      lastFooter = resultFooter
      if let chart {
        guard mask.isEmpty else {
          throw source.diagnostic(
            "this result has suppressed cells, which a chart would reveal", at: chart.range,
            hints: ["chart it after .suppress off, or chart a coarser table"])
        }
        let context = chartContext(pipeline, chart: chart, table: outcome.table, source: source)
        try showChart(outcome.table, spec: chart, source: source, footer: resultFooter, context: context)
      } else {
        show(
          outcome.table, footer: resultFooter, suppressed: mask, roles: derived.roles,
          units: columnUnits(pipeline, table: outcome.table))
      }
      if let close = closeValuesNotice(for: pipeline, resultRows: outcome.table.rowCount) { notice(close) }
      releaseResults()
    case .let(let name, let nameRange, let pipeline):
      if let problem = Catalog.reservedNameProblem(name) {
        throw source.diagnostic(problem.message, at: nameRange, hints: problem.hints)
      }
      let outcome = try evaluate(pipeline, source: source)
      report(outcome.warnings)
      let statement = "let \(name) = \(source[pipeline.range].split(separator: "\n").joined(separator: " "))"
      let table = outcome.table
      let replaced = catalog.register(
        .derived(
          name, table: table, statement: statement, inputs: outcome.inputs, roles: outcome.roles, plan: outcome.plan))
      notice(
        "\(replaced ? "replaced" : "created") \(name): \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"), "
          + "\(table.columnCount) \(table.columnCount == 1 ? "column" : "columns")")
    case .display(let statement):
      notice(applyDisplay(statement))
    case .measure(let statement):
      let measure = try MeasureDefinition(statement, source: source, tables: tableColumns)
      measures.define(measure)
      notice("defined \(measure.text)")
    case .explain(let pipeline):
      let plan = Optimizer.optimize(try bind(pipeline, source: source))
      say(PlanPrinter.render(plan))
      if readsEngine(plan) { say(try engineExplanation(plan, pipeline: pipeline, source: source)) }
    case .explainSQL(let pipeline):
      let plan = Optimizer.optimize(try bind(pipeline, source: source))
      if readsEngine(plan) {
        say(try engineSQL(plan, pipeline: pipeline, source: source).sql)
      } else {
        say(try sql(of: plan, source: source, range: pipeline.range))
      }
    }
  }

  /// Binds a pipeline against the catalog, the datasets and the numbered results.
  func bind(_ pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> LogicalPlan {
    let binder = Binder(
      source: source, resolveTable: { [unowned self] name throws(Diagnostic) in try self.table(resolving: name) },
      tableNames: tableNames + (catalog.results.isEmpty ? [] : ["_"]) + (engine?.knownTables ?? []),
      analyses: AnalysisLibrary(
        measures: measures, groups: savedGroups, intervals: settings.intervals,
        observationWindow: { [unowned self] name in self.observationWindow(of: name) }),
      yearColumns: { [unowned self] name in self.yearColumns(of: name) })
    return try binder.bind(pipeline)
  }

  /// Binds, optimises and runs a pipeline. The outcome carries the table with everything the
  /// lines under it say: the entries it read, the analyses' notes, N, count roles and warnings.
  func evaluate(_ pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> QueryOutcome {
    let plan = Optimizer.optimize(try bind(pipeline, source: source))
    if readsEngine(plan) { return try evaluateOnEngine(plan, pipeline: pipeline, source: source) }
    var executor = Executor()
    let table: Table
    do throws(ExecutionStop) {
      table = try executor.run(plan)
    } catch {
      if let failure = executor.failure { throw failure }
      if case .overBudget(let overrun) = error { throw overrun.diagnostic(in: pipeline, source: source) }
      throw Diagnostic(.error, "interrupted: the query was stopped and nothing was changed")
    }
    var inputs: [CatalogEntry] = []
    for name in plan.scannedTables {
      guard let entry = catalog.entry(name), !inputs.contains(where: { $0.name == entry.name }) else { continue }
      inputs.append(entry)
    }
    var unchanged: SuppressionMask?
    if let (name, columns) = plan.passedThroughTable, let entry = catalog.entry(name) {
      unchanged = entry.hidden.selecting(columns: columns)
    }
    return QueryOutcome(
      table: table, inputs: inputs, notes: executor.notes, summarizedRows: executor.aggregatedRows,
      roles: countRoles(of: plan, result: table), warnings: executor.warnings.messages, unchangedHidden: unchanged,
      plan: plan)
  }

  /// Prints evaluation warnings.
  func report(_ warnings: [String]) {
    for message in warnings {
      notice("warning: \(message)")
    }
  }

  /// What the lines under a result say: its name, where its data came from, N and filters,
  /// its notes, what `.suppress` hid, and whether it is illustrative.
  func footer(naming name: String, outcome: QueryOutcome, filters: [String], suppression: [String]) -> ResultFooter {
    var nulled: [String] = []
    var suppressed: [CatalogEntry.SuppressedSource] = []
    for source in outcome.inputs.flatMap(\.suppressedSources) where !suppressed.contains(source) {
      suppressed.append(source)
      nulled.append(
        "\(source.name): \(source.cells) \(source.cells == 1 ? "cell" : "cells") hidden by .suppress when shown "
          + "\(source.cells == 1 ? "is" : "are") NULL here")
    }
    return ResultFooter(
      name: name, sourceNames: outcome.inputs.map(\.name), sources: outcome.inputs.map(\.sourceLine),
      scope: outcome.scopeLine(filters: filters),
      shortScope: "N = \(outcome.summarizedRows ?? outcome.table.rowCount)"
        + (filters.isEmpty ? "" : " · where " + filters.joined(separator: "; ")),
      suppression: suppression, notes: outcome.notes,
      shownNotes: ResultFooter.shownNotes(
        outcome.notes, columns: outcome.table.schema.names, analysisColumns: outcome.plan.analysisColumns),
      reportNotes: ResultFooter.shownNotes(
        outcome.notes, columns: outcome.table.schema.names, analysisColumns: outcome.plan.analysisColumns,
        collapsingPeers: false),
      nulledInputs: nulled, illustrative: outcome.illustrative)
  }

  /// The footer line on everything computed from generated data.
  static let illustrativeNotice = ExportNotice.illustrative

  /// A catalog table, `_` (the last result), `outN` (result N), or a dataset, loaded now if it was not yet.
  func table(resolving name: String) throws(Diagnostic) -> Table? {
    if let entry = catalog.entry(name) { return entry.table }
    if let engineTable = try engineTable(resolving: name) { return engineTable }
    if let problem = catalog.releasedProblem(name) { throw Diagnostic(.error, problem.message, hints: problem.hints) }
    guard let manifest = datasets.manifest(name), let table = try datasets.load(name) else { return nil }
    catalog.register(.dataset(name, table: table, manifest: manifest))
    return table
  }

  /// Every table name a query can use: loaded tables, then datasets not loaded yet.
  var tableNames: [String] {
    catalog.names + datasets.names.filter { !catalog.contains($0) }
  }

  /// The named tables and datasets with their columns (a dataset not loaded yet: from its
  /// manifest), in the order of ``tableNames``; for the table a new measure is meant for.
  var tableColumns: [(name: String, columns: [PlanColumn])] {
    tableNames.compactMap { name in
      if let table = catalog[name] {
        return (name, table.schema.fields.map { PlanColumn(name: $0.name, type: $0.type) })
      }
      guard let manifest = datasets.manifest(name) else { return nil }
      return (name, manifest.columns.map { PlanColumn(name: $0.name, type: $0.type) })
    }
  }
}
