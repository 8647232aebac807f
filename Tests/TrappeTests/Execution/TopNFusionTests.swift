import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery

/// `sort by … | take N` runs as one top-N (a bounded heap) and gives the rows a stable full sort
/// would: the expected rows below are worked out by hand, ties in input order.
@Suite struct TopNFusionTests {
  /// k has ties (2 appears three times) and a NULL, which sorts last.
  static let table = Table([
    ("id", TestColumns.ints([1, 2, 3, 4, 5, 6, 7])),
    ("k", TestColumns.ints([2, 5, nil, 2, 1, 2, 9])),
    ("g", TestColumns.strings(["a", "b", "c", "d", "e", "f", "g"])),
  ])

  static func plan(_ query: String) throws -> LogicalPlan {
    guard case .pipeline(let pipeline) = try QueryParser.parse(query) else { throw Stop() }
    let binder = Binder(
      source: SourceText(query), resolveTable: { name throws(Diagnostic) in name == "t" ? table : nil },
      tableNames: ["t"])
    return Optimizer.optimize(try binder.bind(pipeline))
  }

  static func ids(_ query: String) throws -> [String] {
    var executor = Executor()
    let result = try executor.run(try plan(query))
    guard let column = result.columns.first else { return [] }
    return (0..<result.rowCount).map { "\(column.value(at: $0))" }
  }

  struct Stop: Error {}

  @Test func sortThenTakeIsOneTopN() throws {
    guard case .topN(_, _, let count) = try Self.plan("t | sort by k | take 3") else {
      Issue.record("sort | take was not fused")
      return
    }
    #expect(count == 3)
    guard case .project(.topN(_, _, 2), _) = try Self.plan("t | sort by k desc | select id, k | take 2") else {
      Issue.record("sort | select | take was not fused")
      return
    }
  }

  @Test func topNKeepsTiesInInputOrderAndNullsLast() throws {
    // k ascending: 1 (id 5), 2 (ids 1, 4, 6 in input order), 5 (id 2), 9 (id 7), NULL (id 3).
    #expect(try Self.ids("t | sort by k | take 3") == ["5", "1", "4"])
    #expect(try Self.ids("t | sort by k | take 4") == ["5", "1", "4", "6"])
    // k descending: 9, 5, then the ties 1, 4, 6; NULL still last.
    #expect(try Self.ids("t | sort by k desc | select id | take 4") == ["7", "2", "1", "4"])
    #expect(try Self.ids("t | sort by k desc | take 10") == ["7", "2", "1", "4", "6", "5", "3"])
    #expect(try Self.ids("t | sort by k | take 0") == [])
  }

  @Test func computedColumnsStayOutsideTheFusion() throws {
    // A select that computes could warn on rows `take` drops, so the plan keeps sort and limit.
    guard case .limit(.project(.sort, _), 2) = try Self.plan("t | sort by k | select id, z = 10 / k | take 2") else {
      Issue.record("a computing select was fused")
      return
    }
  }
}
