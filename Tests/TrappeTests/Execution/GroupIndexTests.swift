import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct GroupIndexTests {
  private func ints(_ values: [Int64?]) -> Column { TestColumns.ints(values) }

  private func doubles(_ values: [Double?]) -> Column { TestColumns.doubles(values) }

  @Test func stringKeyUsesCodesAndNullGroup() {
    let key = Column.string(StringColumn(["b", "a", nil, "b", nil, "c"]))
    let index = GroupIndex.build(keys: [key])
    #expect(index.groupOf == [0, 1, 2, 0, 2, 3])
    #expect(index.groupCount == 4)
    #expect(index.firstRow == [0, 1, 2, 5])
  }

  /// The dense range check over row ranges (on all threads from 2^18 rows) gives the minimum and
  /// span of the valid keys, computed here directly, whatever the thread count; NULL rows hold
  /// values outside the range that must not count.
  @Test func denseRangeOverRowRangesMatchesMinAndMax() {
    let rows = (1 << 18) + 777
    var raw: [Int64?] = (0..<rows).map { Int64(($0 &* 7_919) % 50_000) + 1_000 }
    raw[rows - 1] = 999  // the minimum in the last row
    raw[3] = 80_000  // the maximum in the first range
    raw[rows / 2] = nil
    raw[17] = nil
    guard case .int64(let withNulls) = ints(raw) else { return }
    let values = withNulls.widenedValues()
    var nullsOutside = values
    nullsOutside[rows / 2] = -1_000_000
    nullsOutside[17] = 1_000_000
    let expectedDomain = 80_000 - 999 + 1
    for threads in [1, 2, 3] {
      Parallelism.setThreads(threads)
      defer { Parallelism.setThreads(0) }
      let r = GroupIndex.denseRange(nullsOutside, validity: withNulls.validity)
      #expect(r?.0 == 999 && r?.1 == expectedDomain, "\(threads) threads")
      let all = GroupIndex.denseRange(nullsOutside, validity: ValidityMask(allValid: rows))
      #expect(all?.0 == -1_000_000 && all?.1 == 2_000_001, "\(threads) threads")
      let none = GroupIndex.denseRange(values, validity: .fromFlags([Bool](repeating: false, count: rows)))
      #expect(none?.0 == 0 && none?.1 == 0, "\(threads) threads")
      // A span past the dense limit is no dense range.
      var far = values
      far[5] = 1 << 40
      #expect(GroupIndex.denseRange(far, validity: ValidityMask(allValid: rows)) == nil, "\(threads) threads")
    }
  }

  /// Narrow widths are compared in their own width: their extremes, NULLs holding them, and a
  /// column that holds only the width's largest value.
  @Test func denseRangeInNarrowWidths() {
    let small: [Int8] = [5, -128, 127, 3, -7]
    #expect(GroupIndex.denseRange(small, validity: ValidityMask(allValid: 5)).map { [$0.0, Int64($0.1)] } == [-128, 256])
    let inner = ValidityMask.fromFlags([true, false, false, true, true])
    #expect(GroupIndex.denseRange(small, validity: inner).map { [$0.0, Int64($0.1)] } == [-7, 13])
    let top: [Int16] = [Int16.max, Int16.max]
    #expect(GroupIndex.denseRange(top, validity: ValidityMask(allValid: 2)).map { [$0.0, Int64($0.1)] } == [32_767, 1])
    let weeks: [UInt16] = [9, 65_535, 0]
    #expect(GroupIndex.denseRange(weeks, validity: ValidityMask(allValid: 3)).map { [$0.0, Int64($0.1)] } == [0, 65_536])
    let none: [Int32] = [4, 9]
    #expect(GroupIndex.denseRange(none, validity: .fromFlags([false, false])).map { [$0.0, Int64($0.1)] } == [0, 0])
  }

  @Test func smallRangeIntKey() {
    let index = GroupIndex.build(keys: [ints([5, -3, 5, nil, -3, 7, nil])])
    #expect(index.groupOf == [0, 1, 0, 2, 1, 3, 2])
    #expect(index.groupCount == 4)
    #expect(index.firstRow == [0, 1, 3, 5])
  }

  @Test func wideRangeIntKeyIsHashed() {
    let big: Int64 = 1_000_000_000_000
    let index = GroupIndex.build(keys: [ints([0, big, nil, 0, Int64.min, big, Int64.max, nil])])
    #expect(index.groupOf == [0, 1, 2, 0, 3, 1, 4, 2])
    #expect(index.groupCount == 5)
  }

  @Test func hashTableGrowsPastItsFirstCapacity() {
    let values = (0..<20_000).map { Int64($0 % 9_000) * 1_000_000_007 }
    let index = GroupIndex.build(keys: [.int64(Int64Column(values))])
    #expect(index.groupCount == 9_000)
    #expect((0..<20_000).allSatisfy { index.groupOf[$0] == Int32($0 % 9_000) })
  }

  /// A numbering started for 10 keys doubles its table several times on 50,000 rows with 12,007
  /// keys and NULLs, and still numbers in order of first appearance (checked with a dictionary).
  @Test func keyNumberingGrowsFromATinyTable() {
    let raw: [Int64?] = (0..<50_000).map { (row: Int) -> Int64? in
      if row % 41 == 3 { return nil }
      let key = (row &* 7_919) % 12_007
      return Int64(key) * -1_000_003
    }
    guard case .int64(let c) = TestColumns.ints(raw) else {
      Issue.record("not an integer column")
      return
    }
    let (expectedGroupOf, expectedFirst) = firstAppearance(raw)
    var numbering = GroupIndex.KeyNumbering(expected: 10, rows: raw.count)
    var groupOf = [Int32](repeating: -1, count: raw.count)
    let values = c.widenedValues()
    let done = values.withUnsafeBufferPointer { v in
      c.validity.withValidityWords { bits in
        groupOf.withUnsafeMutableBufferPointer { g in numbering.number(v, bits, rows: 0..<raw.count, into: g) }
      }
    }
    #expect(done)
    #expect(Int(numbering.count) == 12_008 && expectedFirst.count == 12_008)
    #expect(groupOf == expectedGroupOf)
    #expect(numbering.firstRow == expectedFirst)
  }

  @Test func doubleKeyFoldsSignedZeroAndNaN() {
    let index = GroupIndex.build(keys: [doubles([0.0, -0.0, 1.5, .nan, -.nan, nil, 1.5, nil])])
    #expect(index.groupOf == [0, 0, 1, 2, 2, 3, 1, 3])
    #expect(index.groupCount == 4)
  }

  @Test func periodKey() {
    var b = PeriodColumnBuilder(unit: .month)
    b.append(.month(2020, 1))
    b.append(.month(2021, 5))
    b.appendNull()
    b.append(.month(2020, 1))
    let index = GroupIndex.build(keys: [.period(b.finish())])
    #expect(index.groupOf == [0, 1, 2, 0])
  }

  @Test func boolKey() {
    var b = PrimitiveColumnBuilder<Bool>(placeholder: false)
    b.append(true)
    b.append(false)
    b.appendNull()
    b.append(true)
    let index = GroupIndex.build(keys: [.bool(b.finish())])
    #expect(index.groupOf == [0, 1, 2, 0])
  }

  @Test func twoKeys() {
    let a = Column.string(StringColumn(["x", "x", "y", "y", nil, "x"]))
    let b = ints([1, 2, 1, 1, 1, 1])
    let index = GroupIndex.build(keys: [a, b])
    #expect(index.groupOf == [0, 1, 2, 2, 3, 0])
    #expect(index.firstRow == [0, 1, 2, 4])
  }

  @Test func threeKeysWithStringDoubleAndWideInt() {
    let s = Column.string(StringColumn(["a", "a", "a", "b", "a", nil]))
    let d = doubles([0.5, 0.5, -0.0, 0.5, 0.0, nil])
    let w = ints([1_000_000_000_000, 1_000_000_000_000, 7, 1_000_000_000_000, 7, nil])
    let index = GroupIndex.build(keys: [s, d, w])
    #expect(index.groupOf == [0, 0, 1, 2, 1, 3])
    #expect(index.groupCount == 4)
  }

  @Test func manyWideKeysReduceBeforeOverflow() {
    let n = 1_000
    // Seven keys of about 1,000 distinct wide values: the radix product passes 2^62.
    var raw: [[Int64]] = [(0..<n).map { Int64($0 % 3) }]
    for k in 1..<7 {
      let column: [Int64] = (0..<n).map { row in
        let spread: Int = (row / 2 * (k + 3)) % 997
        return Int64(spread) * 1_000_000_000_000
      }
      raw.append(column)
    }
    let keys: [Column] = raw.map { .int64(Int64Column($0)) }
    let index = GroupIndex.build(keys: keys)
    var seen: [[Int64]: Int32] = [:]
    var expected: [Int32] = []
    for row in 0..<n {
      let tuple = raw.map { $0[row] }
      if let id = seen[tuple] { expected.append(id) } else {
        let id = Int32(seen.count)
        seen[tuple] = id
        expected.append(id)
      }
    }
    #expect(index.groupOf == expected)
    #expect(index.groupCount == seen.count)
  }

  @Test func noKeysAndNoRows() {
    #expect(GroupIndex.build(keys: [], rowCount: 3).groupOf == [0, 0, 0])
    #expect(GroupIndex.build(keys: [], rowCount: 3).groupCount == 1)
    #expect(GroupIndex.build(keys: [], rowCount: 0).groupCount == 0)
    #expect(GroupIndex.build(keys: [ints([])]).groupCount == 0)
  }

  @Test func allNullIntKey() {
    let index = GroupIndex.build(keys: [ints([nil, nil])])
    #expect(index.groupOf == [0, 0])
    #expect(index.groupCount == 1)
  }
}

/// The radix-partitioned hashed grouping (``GroupIndex/partitioned(_:validity:expected:bits:chunkRows:threads:)``)
/// against an independent first-appearance numbering and the one-table path.
@Suite struct PartitionedGroupIndexTests {
  /// Sparse 8-digit ids (about ten rows each, in no order), every 97th row NULL.
  private func sparseIDs(_ n: Int) -> [Int64?] {
    var state: UInt64 = 0x1234_5678
    var persons: [Int64] = []
    for _ in 0..<(n / 10) {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      persons.append(10_000_000 + Int64(state >> 33) % 90_000_000)
    }
    return (0..<n).map { row -> Int64? in
      if row % 97 == 5 { return nil }
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return persons[Int(state >> 33) % persons.count]
    }
  }

  @Test(arguments: [1, 2]) func partitionedMatchesFirstAppearanceAndOneTable(threads: Int) {
    let raw = sparseIDs(30_000)
    let column = TestColumns.ints(raw)
    guard case .int64(let c) = column else {
      Issue.record("not an integer column")
      return
    }
    let (expectedGroupOf, expectedFirst) = firstAppearance(raw)
    for bits in [2, 5] {
      let index = GroupIndex.partitioned(
        c.widenedValues(), validity: c.validity, expected: 100, bits: bits, chunkRows: 128, threads: threads)
      #expect(index.groupCount == expectedFirst.count)
      #expect(index.groupOf == expectedGroupOf)
      #expect(index.firstRow == expectedFirst)
    }
    // 30,000 rows take the one-table path, which must agree.
    #expect(GroupIndex.build(keys: [column]) == GroupIndex.partitioned(
      c.widenedValues(), validity: c.validity, expected: 100, bits: 3, chunkRows: 64, threads: threads))
  }

  @Test func partitionBitsOnlyForLargeInputsWithManyKeys() {
    #expect(GroupIndex.partitionBits(rows: 10_000_000, expected: 1_000) == nil)
    #expect(GroupIndex.partitionBits(rows: 100_000, expected: 100_000) == nil)
    #expect(GroupIndex.partitionBits(rows: 10_000_000, expected: 1_000_000) == 7)
  }

  /// Below 2^20 rows only more than one thread partitions (its passes then run on all threads).
  @Test func partitionBitsBelowTwoToTheTwentyOnlyOnSeveralThreads() {
    #expect(GroupIndex.partitionBits(rows: 1_000_000, expected: 100_000, threads: 1) == nil)
    #expect(GroupIndex.partitionBits(rows: 1_000_000, expected: 100_000, threads: 2) == 4)
    #expect(GroupIndex.partitionBits(rows: 1_000_000, expected: 1_000, threads: 2) == nil)
    #expect(GroupIndex.partitionBits(rows: 100_000, expected: 100_000, threads: 2) == nil)
  }
}

/// Independent of the kernels: a dictionary numbering keys (NULL as one key) in order of first
/// appearance, giving each row's id and each id's first row.
func firstAppearance<Key: Hashable>(_ raw: [Key]) -> (groupOf: [Int32], firstRow: [Int32]) {
  var seen: [Key: Int32] = [:]
  var groupOf: [Int32] = []
  var firstRow: [Int32] = []
  for (row, key) in raw.enumerated() {
    if seen[key] == nil {
      seen[key] = Int32(seen.count)
      firstRow.append(Int32(row))
    }
    groupOf.append(seen[key] ?? -1)
  }
  return (groupOf, firstRow)
}
