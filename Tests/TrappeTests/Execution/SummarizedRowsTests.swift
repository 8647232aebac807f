import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery

/// The footer's N is the rows the query's own summarize read, never a summarize inside the
/// right side of a join or union.
@Suite struct SummarizedRowsTests {
  static let table = Table([
    ("region", .string(StringColumn(["H", "H", "S", "S", "S"]))), ("x", .int64(Int64Column([1, 2, 3, 4, 5]))),
  ])

  func summarized(_ query: String) throws -> Int? {
    guard case .pipeline(let pipeline) = try QueryParser.parse(query) else { return nil }
    let binder = Binder(
      source: SourceText(query), resolveTable: { name throws(Diagnostic) in name == "t" ? Self.table : nil },
      tableNames: ["t"])
    var executor = Executor()
    _ = try executor.run(Optimizer.optimize(try binder.bind(pipeline)))
    return executor.aggregatedRows
  }

  @Test func aJoinWhoseRightSideSummarizesHasNoN() throws {
    #expect(try summarized("t | join (t | summarize n = count() by region) on region") == nil)
    let outer = "t | where x > 1 | join (t | summarize n = count() by region) on region | summarize k = count() by n"
    #expect(try summarized(outer) == 4)
    let left = "t | where x > 2 | summarize s = sum(x) by region | join (t | summarize n = count() by region) on region"
    #expect(try summarized(left) == 3)
    #expect(try summarized("t | union (t | summarize x = sum(x) by region)") == nil)
  }

  @Test func aPivotRunWhileBindingKeepsItsNAndWarnings() throws {
    // The pivot runs while binding (the extend names its value column H); N is still its 5 input rows.
    #expect(try summarized("t | where x > 0 | pivot region values sum(x) | extend d = S - H") == 5)
    let query = "t | pivot region values sum(x) | extend d = S - H"
    guard case .pipeline(let pipeline) = try QueryParser.parse(query) else { return }
    let big = Table([
      ("region", .string(StringColumn(["H", "H", "S"]))), ("x", .int64(Int64Column([Int64.max, 1, 3]))),
    ])
    let binder = Binder(
      source: SourceText(query), resolveTable: { _ throws(Diagnostic) in big }, tableNames: ["t"])
    var executor = Executor()
    let result = try executor.run(Optimizer.optimize(try binder.bind(pipeline)))
    // H = Int64.max + 1 overflows (NULL, one warning); S = 3; d = S - H is NULL.
    #expect(executor.warnings.overflows == 1)
    #expect(result.schema.names == ["H", "S", "d"])
    #expect(result.columns[1].value(at: 0) == .int64(3))
    #expect(result.columns[2].value(at: 0) == .null)
  }
}
