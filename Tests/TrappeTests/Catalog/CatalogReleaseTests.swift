import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeShell

/// Numbered results beyond a byte budget are released oldest first; the last result and named
/// tables stay.
@Suite struct CatalogReleaseTests {
  /// A table of `rows` Int64 values without NULLs: 8 bytes a row.
  static func table(rows: Int) -> Table {
    Table([("x", .int64(Int64Column([Int64](repeating: 1, count: rows))))])
  }

  @Test func oldResultsAreReleasedAndSaySo() {
    var catalog = Catalog()
    let named = CatalogEntry.given("keep", table: Self.table(rows: 1_000))
    catalog.register(named)
    for number in 1...4 {
      catalog.appendResult(
        .derived("out\(number)", table: Self.table(rows: 100), statement: "keep | take \(number)", inputs: [], roles: []))
    }
    // Four results of 800 bytes = 3,200 bytes; at most 1,700 kept: out1 and out2 go (3,200 − 1,600 = 1,600).
    #expect(catalog.resultBytes == 3_200)
    let released = catalog.releaseResults(over: 1_700)
    #expect(released == ["out1", "out2"])
    #expect(catalog.entry("out1") == nil)
    #expect(catalog.entry("out3")?.name == "out3")
    #expect(catalog.releasedNames == ["out1", "out2"])
    let problem = catalog.releasedProblem("out2")
    #expect(problem?.message == "out2 was released to save memory; re-run the query")
    #expect(problem?.hints.first == "out2 was: keep | take 2")
    #expect(catalog.releasedProblem("out3") == nil)
    // Numbering goes on after releases.
    #expect(catalog.nextResultName == "out5")
    // Even a budget of 0 keeps the last result and every named table.
    #expect(catalog.releaseResults(over: 0) == ["out3"])
    #expect(catalog.entry("_")?.name == "out4")
    #expect(catalog.entry("keep") != nil)
  }
}
