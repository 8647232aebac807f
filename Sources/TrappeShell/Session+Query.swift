import TrappeBase
import TrappeStorage
import TrappeIO
import TrappeQuery
import TrappeAnalysis
import TrappeCharts
import TrappeDatasets

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
      let (table, sources) = try evaluate(pipeline, source: source)
      results.append(table)
      let name = "out\(results.count)"
      countRoles[name] = lastRoles
      let mask = suppression(of: table, roles: lastRoles)
      var lines = footer(naming: name, sources: sources)
      let extra = [scopeLine(filters: pipeline.filterTexts(in: source), rows: table.rowCount)]
        + mask.footer(names: table.schema.names)
      lines.insert(contentsOf: extra, at: min(1, lines.count))
      if let chart {
        guard mask.isEmpty else {
          throw source.diagnostic(
            "this result has suppressed cells, which a chart would reveal", at: chart.range,
            hints: ["chart it after .suppress off, or chart a coarser table"])
        }
        try showChart(table, spec: chart, source: source, footer: lines)
      } else {
        show(table, footer: lines, suppressed: mask)
      }
    case .let(let name, let nameRange, let pipeline):
      if name == "_" || Session.resultNumber(name) != nil {
        throw source.diagnostic(
          "'\(name)' is reserved for query results", at: nameRange, hints: ["choose another name"])
      }
      let (table, sources) = try evaluate(pipeline, source: source)
      let replaced = catalog.contains(name)
      catalog.set(table, as: name)
      countRoles[name] = lastRoles
      provenance[name] = "let \(name) = \(source[pipeline.range].split(separator: "\n").joined(separator: " "))"
      if sources.contains(where: { illustrative.contains($0) }) {
        illustrative.insert(name)
      } else {
        illustrative.remove(name)
      }
      notice(
        "\(replaced ? "replaced" : "created") \(name): \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"), "
          + "\(table.columnCount) \(table.columnCount == 1 ? "column" : "columns")")
    case .measure(let statement):
      let measure = try MeasureDefinition(statement, source: source, tables: tableNames)
      measures.define(measure)
      notice("defined \(measure.text)")
    case .explain(let pipeline):
      let plan = try bind(pipeline, source: source)
      say(PlanPrinter.render(Optimizer.optimize(plan)))
    }
  }

  /// Binds a pipeline against the catalog, the datasets and the numbered results.
  func bind(_ pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> LogicalPlan {
    let binder = Binder(
      source: source, resolveTable: { [unowned self] name throws(Diagnostic) in try self.table(resolving: name) },
      tableNames: tableNames + (results.isEmpty ? [] : ["_"]),
      analyses: AnalysisLibrary(measures: measures, groups: savedGroups))
    return try binder.bind(pipeline)
  }

  /// Binds, optimises and runs a pipeline; reports evaluation warnings. Also returns the
  /// names of the tables it read, for the footer.
  func evaluate(_ pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> (Table, [String]) {
    let plan = Optimizer.optimize(try bind(pipeline, source: source))
    var executor = Executor()
    let table: Table
    do throws(Interrupted) {
      table = try executor.run(plan)
    } catch {
      if let failure = executor.failure { throw failure }
      throw Diagnostic(.error, "interrupted: the query was stopped and nothing was changed")
    }
    for message in executor.warnings.messages {
      notice("warning: \(message)")
    }
    lastNotes = executor.notes
    lastInputRows = executor.aggregatedRows
    lastRoles = countRoles(of: plan, result: table)
    var sources: [String] = []
    for name in plan.scannedTables where !sources.contains(name) {
      sources.append(name == "_" ? "out\(results.count)" : name)
    }
    return (table, sources)
  }

  /// The lines under a result: its name, where its data came from, and the illustrative warning.
  func footer(naming name: String, sources: [String]) -> [String] {
    let origins = sources.compactMap { provenance[$0] ?? (Session.resultNumber($0) != nil ? $0 : nil) }
    var lines = [name + (origins.isEmpty ? "" : " · source: " + origins.joined(separator: "; "))]
    lines += lastNotes
    if sources.contains(where: { illustrative.contains($0) }) {
      illustrative.insert(name)
      lines.append(Session.illustrativeNotice)
    }
    return lines
  }

  /// The footer line with the result's N and its filters: `N = 4410 rows summarized · filters: runde == 5`.
  func scopeLine(filters: [String], rows: Int) -> String {
    let n =
      lastInputRows.map { "N = \($0) \($0 == 1 ? "row" : "rows") summarized" }
      ?? "N = \(rows) \(rows == 1 ? "row" : "rows")"
    return n + " · filters: " + (filters.isEmpty ? "none" : filters.joined(separator: "; "))
  }

  /// The footer line on everything computed from generated data.
  static let illustrativeNotice = "Illustrative data, not real results (generated; see Datasets/README.md)"

  /// A catalog table, `_` (the last result), `outN` (result N), or a dataset, loaded now if it was not yet.
  func table(resolving name: String) throws(Diagnostic) -> Table? {
    if let table = catalog[name] { return table }
    if name == "_" { return results.last }
    if let number = Session.resultNumber(name), number >= 1, number <= results.count { return results[number - 1] }
    guard let manifest = datasets.manifest(name), let table = try datasets.load(name) else { return nil }
    catalog.set(table, as: name)
    provenance[name] = manifest.provenanceLine
    if manifest.kind == .illustrative { illustrative.insert(name) }
    return table
  }

  /// Every table name a query can use: loaded tables, then datasets not loaded yet.
  var tableNames: [String] {
    catalog.names + datasets.names.filter { !catalog.contains($0) }
  }

  /// N for a name `outN`.
  static func resultNumber(_ name: String) -> Int? {
    guard name.hasPrefix("out") else { return nil }
    return Int(name.dropFirst(3))
  }
}
