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
    case .pipeline(let pipeline):
      let table = try evaluate(pipeline, source: source)
      results.append(table)
      var footer = ["out\(results.count)"]
      if let origin = provenance[pipeline.source] { footer[0] += " · source: \(origin)" }
      show(table, footer: footer)
    case .let(let name, let nameRange, let pipeline):
      if name == "_" || Session.resultNumber(name) != nil {
        throw source.diagnostic(
          "'\(name)' is reserved for query results", at: nameRange, hints: ["choose another name"])
      }
      let table = try evaluate(pipeline, source: source)
      let replaced = catalog.contains(name)
      catalog.set(table, as: name)
      provenance[name] = "let \(name) = \(source[pipeline.range].split(separator: "\n").joined(separator: " "))"
      notice(
        "\(replaced ? "replaced" : "created") \(name): \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"), "
          + "\(table.columnCount) \(table.columnCount == 1 ? "column" : "columns")")
    case .explain(let pipeline):
      let plan = try bind(pipeline, source: source)
      say(PlanPrinter.render(Optimizer.optimize(plan)))
    }
  }

  /// Binds a pipeline against the catalog and the numbered results.
  func bind(_ pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> LogicalPlan {
    let binder = Binder(
      source: source, resolveTable: { [unowned self] in self.table(resolving: $0) },
      tableNames: catalog.names + (results.isEmpty ? [] : ["_"]))
    return try binder.bind(pipeline)
  }

  /// Binds, optimises and runs a pipeline; reports evaluation warnings.
  func evaluate(_ pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> Table {
    let plan = Optimizer.optimize(try bind(pipeline, source: source))
    var executor = Executor()
    let table: Table
    do throws(Interrupted) {
      table = try executor.run(plan)
    } catch {
      throw Diagnostic(.error, "interrupted: the query was stopped and nothing was changed")
    }
    for message in executor.warnings.messages {
      notice("warning: \(message)")
    }
    return table
  }

  /// A catalog table, `_` (the last result) or `outN` (result N).
  func table(resolving name: String) -> Table? {
    if let table = catalog[name] { return table }
    if name == "_" { return results.last }
    if let number = Session.resultNumber(name), number >= 1, number <= results.count { return results[number - 1] }
    return nil
  }

  /// N for a name `outN`.
  static func resultNumber(_ name: String) -> Int? {
    guard name.hasPrefix("out") else { return nil }
    return Int(name.dropFirst(3))
  }
}
