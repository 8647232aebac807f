import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery

/// Fused filters (``SelectionKernel``) run over row ranges of the input's own columns, morsel by
/// morsel: the kept rows are those computed here with three-valued logic, in row order, on 1 and
/// 3 threads, also for a filter over an earlier filter's selection and for morsels that do not
/// start on a chunk boundary (morsels of 576 rows against chunks of 2,048).
@Suite struct MorselSelectionTests {
  typealias M = MorselExecutionTests

  /// Row r's int `x` (nil: NULL), double `y` and text `g` of ``MorselExecutionTests/table``.
  static func x(_ row: Int) -> Int64? { if case .int64(let v) = M.table.columns[2].value(at: row) { v } else { nil } }
  static func y(_ row: Int) -> Double? { if case .double(let v) = M.table.columns[3].value(at: row) { v } else { nil } }
  static func g(_ row: Int) -> String? { if case .string(let v) = M.table.columns[1].value(at: row) { v } else { nil } }
  static func k(_ row: Int) -> Int64? { if case .int64(let v) = M.table.columns[0].value(at: row) { v } else { nil } }

  /// Kleene logic over optional bools.
  static func and(_ a: Bool?, _ b: Bool?) -> Bool? {
    if a == false || b == false { return false }
    if a == nil || b == nil { return nil }
    return true
  }
  static func or(_ a: Bool?, _ b: Bool?) -> Bool? {
    if a == true || b == true { return true }
    if a == nil || b == nil { return nil }
    return false
  }
  static func not(_ a: Bool?) -> Bool? { a.map { !$0 } }

  @Test(arguments: [(576, 1), (576, 3), (64, 3), (5_000, 3)])
  func fusedFiltersKeepTheRowsComputedHere(morselRows: Int, threads: Int) throws {
    let (result, warnings) = try M.run(
      "t | where not (x > 3) or k == 5 | where y < 0 and g != \"a\" | select k, x, y",
      morselRows: morselRows, threads: threads)
    var expected: [[String]] = []
    for row in 0..<M.rows {
      let first = Self.or(Self.not(Self.x(row).map { $0 > 3 }), Self.k(row).map { $0 == 5 })
      let second = Self.and(Self.y(row).map { $0 < 0 }, Self.g(row).map { $0 != "a" })
      guard first == true, second == true else { continue }
      expected.append([
        Self.k(row).map { "\(Value.int64($0))" } ?? "\(Value.null)",
        Self.x(row).map { "\(Value.int64($0))" } ?? "\(Value.null)",
        Self.y(row).map { "d\($0.bitPattern)" } ?? "\(Value.null)",
      ])
    }
    #expect(expected.count > 100)
    #expect(M.cells(result) == expected)
    #expect(warnings.isEmpty)
  }
}
