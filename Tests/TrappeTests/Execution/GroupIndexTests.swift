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
