import Testing
import TrappeTestSupport

@testable import TrappeAnalysis
@testable import TrappeBase
@testable import TrappeQuery
@testable import TrappeShell
@testable import TrappeStorage

/// The analyses split for an engine (``SQLPushdown``): the input compiled with the DuckDB
/// dialect (the datasets read from their CSV files), the reducing query run in DuckDB, the rest
/// finished in Trappe, must give the local result cell by cell and the local footer plus one
/// line saying what ran where. Needs DuckDB in .build/venv (Scripts/ensure-deps) or
/// TRAPPE_PYTHON: without it these tests fail, they do not skip.
@Suite struct PushdownTests {
  static let agreeing = [
    // flow: persons per (from, to), row_pct and the order locally.
    "forloeb | flow from 3 to 5",
    "forloeb | flow from 1 to 5 by kommune",
    "forloeb | where herkomst != \"dansk\" | flow from 2007W30 to 2009W10 by aldersgruppe",
    "forloeb | where kommune == \"Slagelse\" | flow from 2008-03 to 2009-03 by koen",
    // survival: counts per group × status × duration on the engine, Kaplan–Meier locally.
    "forloeb | survival for kontanthjælp",
    "forloeb | survival for kontanthjælp by herkomst weeks 13",
    "forloeb | survival for kontanthjælp, starthjælp by kommune",
    "forloeb | survival for kontanthjælp inflow 2007W10 2008W20 by aldersgruppe",
    "forloeb | survival for kontanthjælp entry start_faktisk by koen",
    "forloeb | survival for a-dagpenge entry start_faktisk inflow 2006W01 2008W52 weeks 26",
    "forloeb | where status == \"kontanthjælp\" | survival by herkomst",
    "forloeb | where kommune == \"Gladsaxe\" | survival for sygedagpenge by aldersgruppe",
    // bench: the measure's totals per municipality (× runde) on the engine, the rest locally.
    "resultater | bench i_gang for Slagelse",
    "resultater | bench i_gang for Slagelse, Gladsaxe against region by runde",
    "resultater | where ydelse == \"kontanthjælp\" | bench selvforsoergende for Aarhus against peers by runde funnel",
    "resultater | bench i_gang for Slagelse against peers by runde ci",
    // gap: each target's totals per municipality (× runde) on the engine, the rest locally.
    "resultater | gap",
    "resultater | gap i_gang for alle",
    "resultater | where ydelse == \"kontanthjælp\" | gap i_gang for Slagelse by runde",
    "resultater | gap for Slagelse, Gladsaxe by runde ci",
  ]

  @Test(arguments: agreeing) func theEngineAndTrappeAgree(_ text: String) throws {
    let run = try Self.plan(text)
    var localNotes: [String] = []
    let local = try run.node.operation.run(run.input, notes: &localNotes)
    let split = try run.split()
    let reduced = try DuckDBQuery.run(
      split.statement, columns: split.pushdown.columns.map { ($0.name, $0.type, $0.unit) })
    var notes: [String] = []
    let finished = try split.pushdown.finish(reduced, &notes)
    #expect(finished.schema.names == local.schema.names, "\(text)")
    #expect(finished.rowCount == local.rowCount, "\(text): \(finished.rowCount) rows, locally \(local.rowCount)")
    #expect(local.rowCount > 0, "\(text): a comparison of empty tables proves little")
    for (index, name) in local.schema.names.enumerated() where index < finished.columnCount {
      let mine = finished.columns[index]
      let theirs = local.columns[index]
      #expect(mine.type == theirs.type, "\(text): \(name) is \(mine.type), locally \(theirs.type)")
      for row in 0..<min(local.rowCount, finished.rowCount) where mine.value(at: row) != theirs.value(at: row) {
        Issue.record("\(text): row \(row) \(name) = \(mine.value(at: row)), locally \(theirs.value(at: row))")
        break
      }
    }
    #expect(Array(notes.dropLast()) == localNotes, "\(text)")
    #expect(notes.last?.hasPrefix("engine: ") == true)
    // Only a small table crosses: counts, never the spells; from resultater (itself totals per
    // municipality, round and group) at most a row per municipality, round and target.
    if text.hasPrefix("forloeb") {
      #expect(reduced.rowCount < run.input.rowCount / 4, "\(text): \(reduced.rowCount) reduced rows")
    } else {
      #expect(reduced.rowCount <= 98 * 5 * 3, "\(text): \(reduced.rowCount) reduced rows")
    }
  }

  @Test func survivalRefusesWhatNeedsEachPersonsSpellsInOrder() throws {
    for text in [
      "forloeb | survival on support", "forloeb | survival for kontanthjælp until ordinær_beskæftigelse",
      "forloeb | survival for kontanthjælp first", "forloeb | survival for kontanthjælp by destination",
    ] {
      let run = try Self.plan(text)
      do {
        _ = try run.split()
        Issue.record("\(text) was pushed down")
      } catch {
        #expect(error.message.contains("is not run on an engine"), "\(text): \(error.message)")
      }
    }
  }

  @Test func aMissingStatusIsTheLocalError() throws {
    let run = try Self.plan("forloeb | where status != \"starthjælp\" | survival for starthjælp")
    let split = try run.split()
    let reduced = try DuckDBQuery.run(
      split.statement, columns: split.pushdown.columns.map { ($0.name, $0.type, $0.unit) })
    var notes: [String] = []
    #expect(throws: Diagnostic.self) { try split.pushdown.finish(reduced, &notes) }
    do {
      _ = try split.pushdown.finish(reduced, &notes)
    } catch {
      #expect(error.message == "no spell has the status 'starthjælp'")
    }
  }

  /// A statement's analysis, its input computed locally, and its split for DuckDB.
  struct Planned {
    let captured: CapturedSession
    let child: LogicalPlan
    let node: AnalysisNode
    let input: Table

    func split() throws(SQLError) -> (statement: String, pushdown: SQLPushdown) {
      let session = captured.session
      var compiler = SQLCompiler(dialect: DuckDBDialect()) { name, table in
        let candidates = [session.catalog.entry(name)].compactMap { $0 } + session.catalog.results.reversed()
        guard let entry = candidates.first(where: { $0.table == table }) else { return nil }
        return entry.sqlSource(relativeTo: ProjectRoot.path)
      }
      guard let split = try compiler.pushdownStatement(child, node) else {
        throw SQLError("\(node.operation.summary) has no pushdown")
      }
      return split
    }
  }

  static func plan(_ text: String) throws -> Planned {
    let captured = CapturedSession()
    let source = SourceText(text)
    guard case .pipeline(let pipeline) = try QueryParser.parse(text) else {
      throw SQLError("not a pipeline: \(text)")
    }
    let plan = Optimizer.optimize(try captured.session.bind(pipeline, source: source))
    guard case .analysis(let child, let node) = plan else { throw SQLError("no analysis at the end: \(text)") }
    var executor = Executor()
    let input = try executor.run(child)
    return Planned(captured: captured, child: child, node: node, input: input)
  }
}
