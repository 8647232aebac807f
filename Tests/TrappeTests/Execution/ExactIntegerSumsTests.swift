import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery

/// Per-group exact integer sums and counts (``ExactIntegerSums``) against Int128 sums and counts
/// computed here with a dictionary, with many groups, NULLs and sums past Int64.
@Suite struct ExactIntegerSumsTests {
  private func check(_ raw: [Int64?], groupOf: [Int32], groupCount: Int, ranges: Int? = nil) {
    var totals: [Int32: Int128] = [:]
    var counts: [Int32: Int] = [:]
    for (row, value) in raw.enumerated() {
      guard let value else { continue }
      totals[groupOf[row], default: 0] += Int128(value)
      counts[groupOf[row], default: 0] += 1
    }
    guard case .int64(let c) = TestColumns.ints(raw) else {
      Issue.record("not an integer column")
      return
    }
    var firstRow = [Int32](repeating: -1, count: groupCount)
    for (row, g) in groupOf.enumerated() where firstRow[Int(g)] < 0 { firstRow[Int(g)] = Int32(row) }
    let result = ExactIntegerSums.compute(c, GroupIndex(groupOf: groupOf, groupCount: groupCount, firstRow: firstRow), ranges: ranges)
    #expect(result.totals == (0..<groupCount).map { totals[Int32($0)] ?? 0 })
    #expect(result.counts == (0..<groupCount).map { counts[Int32($0)] ?? 0 })
  }

  /// `rows` rows from a 64-bit LCG seeded with `seed`: group ids below `groups`, values
  /// `(state >> shift) - offset`, NULL where `row % nullEvery == nullAt`.
  private func lcgRows(
    seed: UInt64, rows: Int, groups: UInt64, nullEvery: Int, nullAt: Int, shift: UInt64, offset: Int64
  ) -> (raw: [Int64?], groupOf: [Int32]) {
    var state = seed
    var groupOf: [Int32] = []
    var raw: [Int64?] = []
    for row in 0..<rows {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      groupOf.append(Int32((state >> 33) % groups))
      raw.append(row % nullEvery == nullAt ? nil : Int64(state >> shift) - offset)
    }
    return (raw, groupOf)
  }

  @Test func manyGroupsWithNullsAndWithout() {
    let (raw, groupOf) = lcgRows(seed: 99, rows: 50_000, groups: 5_000, nullEvery: 37, nullAt: 1, shift: 50, offset: 4_000)
    check(raw, groupOf: groupOf, groupCount: 5_000)
    check(raw.map { $0 ?? 7 }, groupOf: groupOf, groupCount: 5_000)
  }

  /// 40,000 groups take 80,000 slots of sums and counts, past ``ExactIntegerSums/prefetchFromSlots``:
  /// the loop that prefetches later rows' sums (rows without NULLs) must add the same, also past Int64.
  @Test func groupsBeyondTheCacheSumAsFewGroups() {
    #expect(2 * 40_000 >= ExactIntegerSums.prefetchFromSlots)
    let (raw, groupOf) = lcgRows(seed: 5, rows: 200_000, groups: 40_000, nullEvery: 1, nullAt: 1, shift: 2, offset: 0)
    check(raw, groupOf: groupOf, groupCount: 40_000, ranges: 1)
    check(raw, groupOf: groupOf, groupCount: 40_000, ranges: 2)
  }

  @Test func sumsPastInt64InSomeGroups() {
    let raw: [Int64?] = [Int64.max, 5, Int64.max, nil, -3, Int64.min, Int64.min, 2]
    let groupOf: [Int32] = [0, 1, 0, 2, 1, 3, 3, 0]
    check(raw, groupOf: groupOf, groupCount: 4)
    check(raw.map { $0 ?? 1 }, groupOf: groupOf, groupCount: 4)
  }

  /// Row ranges summed separately (as on several threads) add up to the one-range totals, also
  /// when a partial sum leaves Int64 in one range only, or the whole sum does but no range's does.
  @Test func rowRangesAddUpExactly() {
    let (raw, groupOf) = lcgRows(seed: 7, rows: 30_001, groups: 1_000, nullEvery: 11, nullAt: 3, shift: 48, offset: 30_000)
    for ranges in [1, 2, 3, 8] {
      check(raw, groupOf: groupOf, groupCount: 1_000, ranges: ranges)
      check(raw.map { $0 ?? -5 }, groupOf: groupOf, groupCount: 1_000, ranges: ranges)
    }
    // Group 0's running sum leaves Int64 in one range (and in the first of two), in none of ten
    // (one row each) and comes back to Int64.max - 1; group 2's total is just inside Int64.
    let big: [Int64?] = [Int64.max, Int64.max, 4, Int64.max - 3, nil, 2, -1, Int64.max, 1, Int64.min]
    let groups: [Int32] = [0, 0, 2, 2, 1, 2, 1, 1, 1, 0]
    for ranges in [1, 2, 3, 5, 10] { check(big, groupOf: groups, groupCount: 3, ranges: ranges) }
    // More ranges than rows, and no rows.
    check([3, nil, 4], groupOf: [0, 1, 0], groupCount: 2, ranges: 8)
    check([], groupOf: [], groupCount: 0, ranges: 2)
  }

  /// One range per thread only for many rows with few groups against them.
  @Test func rangeCountFollowsRowsGroupsAndThreads() {
    #expect(ExactIntegerSums.rangeCount(rows: 1 << 20, groups: 100_000, threads: 2) == 2)
    #expect(ExactIntegerSums.rangeCount(rows: 1 << 20, groups: 100_000, threads: 1) == 1)
    #expect(ExactIntegerSums.rangeCount(rows: 1 << 17, groups: 10, threads: 2) == 1)
    #expect(ExactIntegerSums.rangeCount(rows: 1 << 20, groups: 1 << 19, threads: 2) == 1)
  }
}
