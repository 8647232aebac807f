import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell
import TrappeTestSupport

@Suite struct CountLineageTests {
  let table = Table([
    ("kommune", .string(StringColumn(["Odense", "Odense", "Slagelse"]))),
    ("runde", .int64(Int64Column([1, 2, 1]))),
    ("personer", .int64(Int64Column([40, 3, 12]))),
    ("startet", .int64(Int64Column([4, 0, 6]))),
  ])

  /// The roles of a query's result columns over `t`, whose `personer` and `startet` are counts.
  func roles(_ query: String) throws -> [CountRole] {
    let captured = CapturedSession()
    captured.add("t", table, roles: [.plain, .plain, .count, .count])
    guard case .pipeline(let pipeline) = try QueryParser.parse(query) else {
      Issue.record("not a pipeline: \(query)")
      return []
    }
    let plan = Optimizer.optimize(try captured.session.bind(pipeline, source: SourceText(query)))
    return CountLineage.roles(of: plan) { captured.session.countRoles(of: $0, table: $1) }
  }

  @Test func summarizeCountsAndSumsOfCountsAreCounts() throws {
    #expect(
      try roles("t | summarize n = count(), p = sum(personer), r = sum(runde), k = count_distinct(kommune) by kommune")
        == [.plain, .count, .count, .plain, .count])
  }

  @Test func aRatioOfCountsIsDerivedFromThem() throws {
    #expect(
      try roles("t | extend andel = 100.0 * startet / personer")
        == [.plain, .plain, .count, .count, .derived(inputs: [2, 3], complete: true)])
  }

  @Test func selectAndRenamePassCountsThrough() throws {
    #expect(
      try roles("t | extend andel = startet / personer | select andel, p = personer, startet, kommune")
        == [.derived(inputs: [1, 2], complete: true), .count, .count, .plain])
    #expect(try roles("t | rename n = personer | sort by n") == [.plain, .plain, .count, .count])
  }

  /// Which rows a filter on a count keeps tells about that count, so the other columns are built
  /// on it: `where startet == 3 | select kommune` would name the cell holding 3 (README, H15).
  @Test func aFilterOnACountMakesTheOtherColumnsBuiltOnIt() throws {
    #expect(
      try roles("t | rename n = personer | where n > 3 | sort by n")
        == [.derived(inputs: [2], complete: true), .derived(inputs: [2], complete: true), .count, .count])
    // The count dropped: the columns cannot be checked against it, so they are hidden whole.
    #expect(
      try roles("t | where startet == 3 | select kommune")
        == [.derived(inputs: [], complete: false)])
    // A filter on plain columns changes nothing.
    #expect(try roles("t | where runde == 1 | select kommune, startet") == [.plain, .count])
    // After a summarize the filter on raw counts no longer matters: keys are plain again.
    #expect(try roles("t | where personer > 3 | summarize s = sum(startet) by kommune") == [.plain, .count])
  }

  @Test func aRatioWithoutItsCountsIsIncomplete() throws {
    #expect(
      try roles("t | extend andel = startet / personer | select kommune, andel")
        == [.plain, .derived(inputs: [], complete: false)])
  }

  @Test func joinKeepsTheRolesOfBothSides() throws {
    let result = try roles(
      "t | summarize n = sum(personer) by kommune | join (t | summarize s = sum(startet) by kommune) on kommune")
    #expect(result == [.plain, .count, .count])
  }

  @Test func datasetPersonsColumnsAreCounts() throws {
    let captured = CapturedSession()
    let query = "resultater | summarize p = sum(personer), u = sum(uger_i_alt), c = count() by kommune"
    guard case .pipeline(let pipeline) = try QueryParser.parse(query) else {
      Issue.record("not a pipeline: \(query)")
      return
    }
    let plan = try captured.session.bind(pipeline, source: SourceText(query))
    let roles = CountLineage.roles(of: plan) { captured.session.countRoles(of: $0, table: $1) }
    #expect(roles == [.plain, .count, .plain, .count])
  }
}
