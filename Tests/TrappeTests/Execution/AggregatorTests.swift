import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct AggregatorTests {
  private func ints(_ values: [Int64?]) -> Column { TestColumns.ints(values) }

  private func doubles(_ values: [Double?]) -> Column { TestColumns.doubles(values) }

  private func values(_ column: Column) -> [Value] {
    (0..<column.count).map { column.value(at: $0) }
  }

  private func close(_ value: Value, _ expected: Double) -> Bool {
    if case .double(let v) = value { return abs(v - expected) < 1e-9 }
    return false
  }

  /// Groups: g0 = rows 0-3, g1 = rows 4-5 (all NULL input), g2 = row 6.
  private let groups = GroupIndex.build(keys: [.string(StringColumn(["a", "a", "a", "a", "b", "b", "c"]))])
  private var input: Column { ints([4, nil, 1, 3, nil, nil, 10]) }

  private func run(_ f: AggregateFunction, _ input: Column?, _ p: Double? = nil) -> [Value] {
    values(Aggregator.compute(f, input: input, parameter: p, groups: groups))
  }

  @Test func countRowsVersusValues() {
    #expect(run(.count, nil) == [.int64(4), .int64(2), .int64(1)])
    #expect(run(.count, input) == [.int64(3), .int64(0), .int64(1)])
  }

  @Test func countDistinct() {
    let x = Column.string(StringColumn(["p", "q", "p", nil, nil, nil, "r"]))
    #expect(run(.count_distinct, x) == [.int64(2), .int64(0), .int64(1)])
    #expect(run(.count_distinct, doubles([0.0, -0.0, 1, nil, nil, 2, 2])) == [.int64(2), .int64(1), .int64(1)])
  }

  @Test func sumAndOverflow() {
    #expect(run(.sum, input) == [.int64(8), .null, .int64(10)])
    #expect(run(.sum, doubles([0.5, nil, 0.25, 1, nil, nil, 2])) == [.double(1.75), .null, .double(2)])
    let big = ints([Int64.max, 1, 0, 0, nil, 5, -1])
    #expect(run(.sum, big) == [.null, .int64(5), .int64(-1)])
    let result = Aggregator.compute(.sum, input: big, parameter: nil, groups: groups)
    #expect(result.type == .int64)
  }

  @Test func average() {
    let result = run(.avg, input)
    #expect(close(result[0], 8.0 / 3))
    #expect(result[1] == .null)
    #expect(result[2] == .double(10))
  }

  @Test func minAndMax() {
    #expect(run(.min, input) == [.int64(1), .null, .int64(10)])
    #expect(run(.max, input) == [.int64(4), .null, .int64(10)])
    #expect(run(.min, doubles([.nan, 2, 1, nil, nil, nil, .nan]))[0] == .double(1))
    let maxNaN = run(.max, doubles([.nan, 2, 1, nil, nil, nil, 3]))
    if case .double(let v) = maxNaN[0] { #expect(v.isNaN) } else { Issue.record("not a double") }
    let s = Column.string(StringColumn(["å", "z", "æ", "a", nil, nil, "Ø"]))
    #expect(run(.min, s) == [.string("a"), .null, .string("Ø")])
    #expect(run(.max, s) == [.string("å"), .null, .string("Ø")])
  }

  @Test func periodMinKeepsUnit() {
    var b = PeriodColumnBuilder(unit: .quarter)
    for q in [3, 1, 2, 4, 1, 2] { b.append(.quarter(2020, q)) }
    b.appendNull()
    let result = Aggregator.compute(.max, input: .period(b.finish()), parameter: nil, groups: groups)
    #expect(values(result) == [.period(.quarter(2020, 4)), .period(.quarter(2020, 2)), .null])
  }

  @Test func firstAndLastSkipNulls() {
    let x = ints([nil, 7, 8, nil, nil, nil, 9])
    #expect(run(.first, x) == [.int64(7), .null, .int64(9)])
    #expect(run(.last, x) == [.int64(8), .null, .int64(9)])
    let s = Column.string(StringColumn([nil, "x", "y", nil, nil, nil, "z"]))
    #expect(run(.last, s) == [.string("y"), .null, .string("z")])
  }

  @Test func medianAndPercentile() {
    let g = GroupIndex.build(keys: [], rowCount: 5)
    let x = ints([4, 1, nil, 3, 2])
    let median = values(Aggregator.compute(.median, input: x, parameter: nil, groups: g))
    #expect(close(median[0], 2.5))
    let p90 = values(Aggregator.compute(.percentile, input: x, parameter: 90, groups: g))
    #expect(close(p90[0], 3.7))
    let p0 = values(Aggregator.compute(.percentile, input: x, parameter: 0, groups: g))
    #expect(close(p0[0], 1))
    let p100 = values(Aggregator.compute(.percentile, input: x, parameter: 100, groups: g))
    #expect(close(p100[0], 4))
    #expect(run(.median, input)[1] == .null)
    #expect(close(run(.median, input)[0], 3))
  }

  @Test func percentileMatchesSortOnLargerGroups() {
    var values: [Double] = []
    var state: UInt64 = 42
    for _ in 0..<5_001 {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      values.append(Double(state >> 40) / 1000)
    }
    let g = GroupIndex.build(keys: [], rowCount: values.count)
    let sorted = values.sorted()
    for p in [0.0, 12.5, 50, 73.3, 99.9, 100] {
      let h = p / 100 * Double(values.count - 1)
      let lo = Int(h.rounded(.down))
      let expected = lo + 1 < sorted.count ? sorted[lo] + (h - Double(lo)) * (sorted[lo + 1] - sorted[lo]) : sorted[lo]
      let result = Aggregator.compute(.percentile, input: .double(PrimitiveColumn(values)), parameter: p, groups: g)
      #expect(close(result.value(at: 0), expected))
    }
  }

  @Test func sampleStandardDeviation() {
    let g = GroupIndex.build(keys: [], rowCount: 9)
    let x = doubles([2, 4, 4, 4, 5, 5, 7, 9, nil])
    // mean 5, squared deviations sum 32, n - 1 = 7.
    let result = values(Aggregator.compute(.stdev, input: x, parameter: nil, groups: g))
    #expect(close(result[0], (32.0 / 7).squareRoot()))
    #expect(run(.stdev, input)[2] == .null)
    #expect(run(.stdev, input)[1] == .null)
    let shifted = doubles([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
    let s = values(Aggregator.compute(.stdev, input: shifted, parameter: nil, groups: GroupIndex.build(keys: [], rowCount: 4)))
    #expect(close(s[0], 30.0.squareRoot()))
  }

  @Test func resultTypesMatchDeclaredTypes() {
    for f in AggregateFunction.allCases {
      for column in [input, doubles([1, 2, 3, nil, nil, nil, 1])] {
        let result = Aggregator.compute(f, input: column, parameter: 50, groups: groups)
        #expect(result.type == Aggregator.resultType(f, input: column.type))
        #expect(result.count == 3)
      }
    }
  }

  @Test func millionRowGroupByMatchesNaiveComputation() {
    let n = 1_000_000
    var state: UInt64 = 7
    var keyA: [Int64] = []
    var keyB: [String?] = []
    var x: [Int64?] = []
    keyA.reserveCapacity(n)
    for _ in 0..<n {
      state = state &* 6364136223846793005 &+ 1442695040888963407
      keyA.append(Int64((state >> 33) % 500) * 1_000_000_007)
      let b = (state >> 20) % 7
      keyB.append(b == 0 ? nil : "k\(b)")
      x.append((state >> 10) % 11 == 0 ? nil : Int64((state >> 40) % 1000))
    }
    let keys: [Column] = [.int64(Int64Column(keyA)), .string(StringColumn(keyB))]
    let index = GroupIndex.build(keys: keys)
    struct Key: Hashable { var a: Int64; var b: String? }
    var ids: [Key: Int] = [:]
    var sums: [Int64] = []
    var counts: [Int64] = []
    var maxes: [Int64] = []
    var mismatched = 0
    for row in 0..<n {
      let key = Key(a: keyA[row], b: keyB[row])
      let id: Int
      if let known = ids[key] { id = known } else {
        id = ids.count
        ids[key] = id
        sums.append(0)
        counts.append(0)
        maxes.append(Int64.min)
      }
      if index.groupOf[row] != Int32(id) { mismatched += 1 }
      if let v = x[row] {
        sums[id] += v
        counts[id] += 1
        maxes[id] = max(maxes[id], v)
      }
    }
    #expect(mismatched == 0)
    #expect(index.groupCount == ids.count)
    var b = PrimitiveColumnBuilder<Int64>(placeholder: 0)
    for v in x { if let v { b.append(v) } else { b.appendNull() } }
    let input = Column.int64(b.finish())
    let sum = Aggregator.compute(.sum, input: input, parameter: nil, groups: index)
    let count = Aggregator.compute(.count, input: input, parameter: nil, groups: index)
    let maximum = Aggregator.compute(.max, input: input, parameter: nil, groups: index)
    let avg = Aggregator.compute(.avg, input: input, parameter: nil, groups: index)
    var wrong = 0
    for g in 0..<ids.count {
      if sum.value(at: g) != .int64(sums[g]) { wrong += 1 }
      if count.value(at: g) != .int64(counts[g]) { wrong += 1 }
      if maximum.value(at: g) != .int64(maxes[g]) { wrong += 1 }
      if !close(avg.value(at: g), Double(sums[g]) / Double(counts[g])) { wrong += 1 }
    }
    #expect(wrong == 0)
  }
}
