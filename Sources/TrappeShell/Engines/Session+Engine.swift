import Glibc
import TrappeBase
import TrappeEngines
import TrappeQuery
import TrappeStorage

extension Session {
  /// Whether a bound plan reads a table of the attached engine.
  func readsEngine(_ plan: LogicalPlan) -> Bool {
    guard let engine else { return false }
    return plan.scannedTables.contains(where: engine.isEngineRelation)
  }

  /// An engine table or file source named in a pipeline, as an empty table with its columns
  /// (nil: not an engine name). A file source without an engine is refused.
  func engineTable(resolving name: String) throws(Diagnostic) -> Table? {
    guard let engine else {
      if let file = FileSource.parse(name) {
        throw Diagnostic(
          .error, "\(file.format)(…) names files an engine reads, and no engine is attached",
          hints: ["attach one first: .engine duckdb (or .engine spark)", "a CSV file Trappe reads itself: .load PATH"])
      }
      return nil
    }
    guard engine.claims(name) else { return nil }
    return try engine.table(name, datasets: datasets)
  }

  /// Runs a plan that reads engine tables on the engine and brings back its (small) result.
  ///
  /// An analysis on the plan's spine with a pushdown (``SQLCompiler/pushdownStatement(_:_:)``)
  /// runs its reducing query on the engine and its finish here, and the stages above it run
  /// here on that result; otherwise the whole plan is one statement in the engine's dialect.
  func evaluateOnEngine(_ plan: LogicalPlan, pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> QueryOutcome {
    guard let engine else { throw Diagnostic(.error, "no engine is attached") }
    try refuseUnpushable(plan, pipeline: pipeline, source: source)
    let started = Session.clockTime()
    let stopwatch = BridgeClock()
    var notes: [String] = []
    var statement: String
    let table: Table
    if let split = Session.spineAnalysis(plan) {
      var compiler = engineCompiler(engine)
      let pushed: (statement: String, pushdown: SQLPushdown)?
      do throws(SQLError) {
        pushed = try compiler.pushdownStatement(split.child, split.node)
      } catch {
        throw refusal(error, pipeline: pipeline, source: source, analysis: true)
      }
      if let pushed {
        statement = pushed.statement
        let reduced = try runOnEngine(statement, columns: pushed.pushdown.columns, pipeline: pipeline, source: source)
        var analysisNotes: [String] = []
        let output = try pushed.pushdown.finish(reduced, &analysisNotes)
        notes += analysisNotes
        let upper = split.rebuild(.scan(name: Session.engineResultName, table: output, columns: Array(0..<output.columnCount)))
        table = try runLocally(upper, pipeline: pipeline, source: source, notes: &notes)
      } else {
        (statement, table) = try runWhole(plan, engine: engine, pipeline: pipeline, source: source)
        // The analysis's whole SQL form ran there: its notes, where its output (the result, when
        // the analysis is the last stage) tells them, as the local run writes them.
        if case .analysis = plan, let analysisNotes = split.node.operation.notes(ofEngineResult: table) {
          notes += analysisNotes
        } else {
          let keyword = split.node.operation.summary.split(separator: " ").first.map(String.init) ?? "the analysis"
          notes.append(
            "\(keyword) ran whole on the engine, whose result does not carry its method notes (N, caveats): "
              + "a run on a local table shows them; .help \(keyword) defines its columns")
        }
      }
    } else {
      (statement, table) = try runWhole(plan, engine: engine, pipeline: pipeline, source: source)
    }
    let seconds = stopwatch.seconds
    var inputs: [CatalogEntry] = []
    for name in plan.scannedTables where engine.isEngineRelation(name) && !inputs.contains(where: { $0.name == name }) {
      inputs.append(
        .engine(
          name, table: engine.boundTable(name) ?? Table.empty, engine: engine.description, sql: statement,
          time: started, illustrative: engine.looksIllustrative(name, datasets: datasets)?.name))
    }
    for name in plan.scannedTables where !engine.isEngineRelation(name) {
      guard let entry = catalog.entry(name), !inputs.contains(where: { $0.name == entry.name }) else { continue }
      inputs.append(entry)
    }
    notes.append(
      "ran on \(engine.description) at \(started) in \(Session.seconds(seconds)); explain sql shows the SQL")
    return QueryOutcome(
      table: table, inputs: inputs, notes: notes, summarizedRows: nil, roles: countRoles(of: plan, result: table),
      warnings: [], unchangedHidden: nil, plan: plan)
  }

  /// The name the local part of a split plan reads the engine's result under.
  static let engineResultName = "engine result"

  /// A compiler in the engine's dialect that reads engine relations there and sends small local tables along.
  func engineCompiler(_ engine: AttachedEngine) -> SQLCompiler {
    SQLCompiler(dialect: engine.kind.dialect) { [unowned self] name, table in
      if let relation = engine.relation(name) { return .engine(relation) }
      guard table.rowCount <= Session.sentRowsLimit else { return nil }
      _ = self
      return .rows(table)
    }
  }

  /// The largest local table sent to an engine with a statement.
  static let sentRowsLimit = 10_000

  /// Refuses, with a caret at the source, a local table too large to send and a pivot (its
  /// columns come from the data, which stays in the engine).
  func refuseUnpushable(_ plan: LogicalPlan, pipeline: Pipeline, source: SourceText) throws(Diagnostic) {
    guard let engine else { return }
    for name in plan.scannedTables where !engine.isEngineRelation(name) {
      guard let table = try self.table(resolving: name), table.rowCount > Session.sentRowsLimit else { continue }
      throw source.diagnostic(
        "the local table '\(name)' has \(table.rowCount) rows: only tables up to \(Session.sentRowsLimit) rows are "
          + "sent to the engine with a pipeline over \(engine.prefix) tables",
        at: pipeline.range,
        hints: [
          "summarize or filter it first (let small = \(name) | …) and use that",
          "or load it into the engine and name it \(engine.prefix).TABLE",
        ])
    }
    if Session.containsMaterialized(plan) {
      let stage = pipeline.stages.first { $0.keyword == "pivot" }
      throw source.diagnostic(
        "a pivot whose later stages name its columns cannot run on the engine: the columns come from the data",
        at: stage?.range ?? pipeline.range,
        hints: ["bring the summarized table back first: let t = … | summarize …, then pivot t"])
    }
  }

  /// Whether an analysis is anywhere in the plan (its full SQL needs numbered rows).
  static func containsAnalysis(_ plan: LogicalPlan) -> Bool {
    switch plan {
    case .analysis: return true
    case .scan: return false
    case .filter(let c, _), .project(let c, _), .aggregate(let c, _, _), .window(let c, _), .sort(let c, _),
      .topN(let c, _, _), .limit(let c, _), .distinct(let c), .pivot(let c, _, _, _), .unpivot(let c, _, _, _, _),
      .count(let c), .materialized(let c, _):
      return containsAnalysis(c)
    case .join(let l, let r, _, _, _, _, _), .union(let l, let r, _):
      return containsAnalysis(l) || containsAnalysis(r)
    }
  }

  static func containsMaterialized(_ plan: LogicalPlan) -> Bool {
    switch plan {
    case .materialized: return true
    case .scan: return false
    case .filter(let c, _), .project(let c, _), .aggregate(let c, _, _), .window(let c, _), .sort(let c, _),
      .topN(let c, _, _), .limit(let c, _), .distinct(let c), .pivot(let c, _, _, _), .unpivot(let c, _, _, _, _),
      .count(let c), .analysis(let c, _):
      return containsMaterialized(c)
    case .join(let l, let r, _, _, _, _, _), .union(let l, let r, _):
      return containsMaterialized(l) || containsMaterialized(r)
    }
  }

  /// The whole plan as one engine statement.
  func runWhole(_ plan: LogicalPlan, engine: AttachedEngine, pipeline: Pipeline, source: SourceText) throws(Diagnostic)
    -> (String, Table)
  {
    var compiler = engineCompiler(engine)
    compiler.numberEngineRows = Session.spineAnalysis(plan) != nil || Session.containsAnalysis(plan)
    let compiled: (sql: String, columns: [PlanColumn])
    do throws(SQLError) {
      compiled = try compiler.engineStatement(plan)
    } catch {
      throw refusal(error, pipeline: pipeline, source: source, analysis: false)
    }
    return (compiled.sql, try runOnEngine(compiled.sql, columns: compiled.columns, pipeline: pipeline, source: source))
  }

  /// A compile refusal at the analysis stage (or the pipeline), saying why it cannot be pushed.
  func refusal(_ error: SQLError, pipeline: Pipeline, source: SourceText, analysis: Bool) -> Diagnostic {
    let stage = pipeline.stages.last { if case .analysis = $0.kind { true } else { false } }
    let range = (analysis ? stage?.range : nil) ?? stage?.range ?? pipeline.range
    return source.diagnostic(
      "this pipeline cannot run on the engine: " + error.message, at: range,
      hints: error.hints + ["bring a smaller summary back first (let t = … | summarize …) and go on from t"])
  }

  /// Runs one statement on the engine and decodes its rows as `columns`.
  func runOnEngine(_ sql: String, columns: [PlanColumn], pipeline: Pipeline, source: SourceText) throws(Diagnostic)
    -> Table
  {
    guard let engine else { throw Diagnostic(.error, "no engine is attached") }
    // ~80 bytes per cell while the reply is decoded; the rows that fit in what the budget leaves.
    let perRow = max(1, columns.count) * 80
    let maxRows = max(1_000, MemoryBudget.available / perRow)
    let reply: EngineBridge.Reply
    do throws(EngineError) {
      reply = try engine.bridge.query(sql, maxRows: maxRows)
    } catch {
      throw engineDiagnostic(error, sql: sql, maxRows: maxRows, pipeline: pipeline, source: source)
    }
    do throws(EngineError) {
      return try EngineResultDecoder.table(rows: reply.rows, columns: columns)
    } catch {
      throw source.diagnostic(error.message, at: pipeline.range)
    }
  }

  /// An engine failure as a diagnostic: the engine's message with the line of SQL it points at.
  func engineDiagnostic(_ error: EngineError, sql: String, maxRows: Int, pipeline: Pipeline, source: SourceText)
    -> Diagnostic
  {
    let name = engine?.description ?? "the engine"
    switch error {
    case .cancelled:
      return Diagnostic(.error, "interrupted: the engine query was cancelled and nothing was changed")
    case .tooLarge:
      return source.diagnostic(
        "the result on \(name) has more than \(maxRows) rows, more than the memory budget leaves room for "
          + "(\(MemoryBudget.describe(MemoryBudget.available)) free); nothing was brought back",
        at: pipeline.range,
        hints: ["summarize or filter in the pipeline so the engine returns less", ".memory limit SIZE sets the budget"])
    case .engine(let message):
      var hints: [String] = []
      if let line = EngineMessages.pointedLine(message, sql: sql) {
        hints.append("SQL line \(line.number): \(line.text.trimmingCharacters())")
      }
      hints.append("explain sql … shows the statement sent")
      return source.diagnostic(
        "\(name) failed: \(EngineMessages.headline(message))", at: pipeline.range, hints: hints)
    case .start(let message, let hints):
      return source.diagnostic(message, at: pipeline.range, hints: hints)
    default:
      return source.diagnostic(error.message, at: pipeline.range)
    }
  }

  /// Runs the local part of a split plan.
  func runLocally(_ plan: LogicalPlan, pipeline: Pipeline, source: SourceText, notes: inout [String]) throws(Diagnostic)
    -> Table
  {
    var executor = Executor()
    do throws(ExecutionStop) {
      let table = try executor.run(plan)
      notes += executor.notes
      return table
    } catch {
      if let failure = executor.failure { throw failure }
      if case .overBudget(let overrun) = error { throw overrun.diagnostic(in: pipeline, source: source) }
      throw Diagnostic(.error, "interrupted: the query was stopped and nothing was changed")
    }
  }

  /// The topmost analysis on the plan's spine (through single-input stages), its input, and a
  /// function that puts a replacement where it was.
  static func spineAnalysis(_ plan: LogicalPlan) -> (
    child: LogicalPlan, node: AnalysisNode, rebuild: (LogicalPlan) -> LogicalPlan
  )? {
    func wrap(_ inner: LogicalPlan, _ make: @escaping (LogicalPlan) -> LogicalPlan) -> (
      child: LogicalPlan, node: AnalysisNode, rebuild: (LogicalPlan) -> LogicalPlan
    )? {
      guard let found = spineAnalysis(inner) else { return nil }
      return (found.child, found.node, { make(found.rebuild($0)) })
    }
    switch plan {
    case .analysis(let child, let node): return (child, node, { $0 })
    case .filter(let c, let p): return wrap(c) { .filter($0, p) }
    case .project(let c, let p): return wrap(c) { .project($0, p) }
    case .aggregate(let c, let k, let a): return wrap(c) { .aggregate($0, keys: k, aggregates: a) }
    case .window(let c, let w): return wrap(c) { .window($0, w) }
    case .sort(let c, let k): return wrap(c) { .sort($0, k) }
    case .topN(let c, let k, let n): return wrap(c) { .topN($0, k, count: n) }
    case .limit(let c, let n): return wrap(c) { .limit($0, count: n) }
    case .distinct(let c): return wrap(c) { .distinct($0) }
    case .count(let c): return wrap(c) { .count($0) }
    case .unpivot(let c, let cols, let n, let v, let t):
      return wrap(c) { .unpivot($0, columns: cols, nameColumn: n, valueColumn: v, valueType: t) }
    default: return nil
    }
  }

  /// Wall-clock time as `HH:MM:SS UTC`.
  static func clockTime() -> String {
    var now = time(nil)
    var parts = tm()
    gmtime_r(&now, &parts)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
      + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) UTC"
  }

  /// `0.123 s`.
  static func seconds(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    let fraction = String(millis % 1000)
    return "\(millis / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
  }
}

/// Monotonic elapsed seconds.
struct BridgeClock {
  private let start = BridgeClock.now()
  var seconds: Double { BridgeClock.now() - start }
  static func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
  }
}

extension Session {
  /// What `explain sql` prints for a pipeline over engine tables: the statement sent (and, for an
  /// analysis split in two, what runs here on its result).
  func engineSQL(_ plan: LogicalPlan, pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> (
    sql: String, local: String?
  ) {
    guard let engine else { throw Diagnostic(.error, "no engine is attached") }
    try refuseUnpushable(plan, pipeline: pipeline, source: source)
    if let split = Session.spineAnalysis(plan) {
      var compiler = engineCompiler(engine)
      do throws(SQLError) {
        if let pushed = try compiler.pushdownStatement(split.child, split.node) {
          return (pushed.statement + ";", pushed.pushdown.localPart)
        }
      } catch {
        throw refusal(error, pipeline: pipeline, source: source, analysis: true)
      }
    }
    var compiler = engineCompiler(engine)
    compiler.numberEngineRows = Session.containsAnalysis(plan)
    do throws(SQLError) {
      return (try compiler.engineStatement(plan).sql + ";", nil)
    } catch {
      throw refusal(error, pipeline: pipeline, source: source, analysis: false)
    }
  }

  /// The lines `explain` adds for a pipeline over engine tables: what runs where.
  func engineExplanation(_ plan: LogicalPlan, pipeline: Pipeline, source: SourceText) throws(Diagnostic) -> String {
    guard let engine else { return "" }
    let (sql, local) = try engineSQL(plan, pipeline: pipeline, source: source)
    var lines = ["runs on \(engine.description):" + (local == nil ? " the whole pipeline" : " the analysis's reducing query")]
    if let local { lines.append("runs here: \(local), and the stages after the analysis, on the engine's result") }
    let sent = plan.scannedTables.filter { !engine.isEngineRelation($0) }
    if !sent.isEmpty { lines.append("sent to the engine as VALUES: \(sent.joined(separator: ", "))") }
    lines.append("SQL sent:")
    lines.append(sql)
    return lines.joined(separator: "\n")
  }
}
