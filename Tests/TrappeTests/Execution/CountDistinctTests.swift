import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

/// count_distinct and hashed grouping on sparse, colliding and wide keys with NULLs, checked
/// against counts computed here with Swift sets.
@Suite struct CountDistinctTests {
  /// A fixed pseudo-random stream (64-bit LCG, high bits), so the data is the same every run.
  private struct Stream {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((state >> 33) % UInt64(bound))
    }
  }

  /// `rows` sparse 8-digit ids drawn from `people` of them, NULL every 17th row, and a group
  /// label per row from `groups` of them.
  private func sparse(rows: Int, people: Int, groups: Int) -> (ids: [Int64?], labels: [String]) {
    var s = Stream(state: 20_080_101)
    let pool = (0..<people).map { _ in Int64(10_000_000 + s.next(90_000_000)) }
    var ids: [Int64?] = []
    var labels: [String] = []
    for row in 0..<rows {
      ids.append(row % 17 == 5 ? nil : pool[s.next(people)])
      labels.append("k\(s.next(groups))")
    }
    return (ids, labels)
  }

  /// Distinct non-NULL values per label, in the order labels first appear (the group order).
  private func expected<V: Hashable>(_ values: [V?], _ labels: [String]) -> [Value] {
    var order: [String] = []
    var sets: [String: Set<V>] = [:]
    for (v, label) in zip(values, labels) {
      if sets[label] == nil {
        order.append(label)
        sets[label] = []
      }
      if let v { sets[label]?.insert(v) }
    }
    return order.map { .int64(Int64(sets[$0]?.count ?? 0)) }
  }

  private func counts(_ input: Column, by labels: [String]) -> [Value] {
    let groups = GroupIndex.build(keys: [.string(StringColumn(labels))])
    let result = Aggregator.compute(.count_distinct, input: input, parameter: nil, groups: groups)
    return (0..<result.count).map { result.value(at: $0) }
  }

  @Test func sparseIdsOneGroupAndManyGroups() {
    // 200,000 rows (past the estimator's 131,072-row threshold), about 30,000 distinct ids:
    // one group takes the bitset, 7 groups the hash set, 1,000 groups the hash set again.
    let (ids, labels) = sparse(rows: 200_000, people: 30_000, groups: 7)
    let input = TestColumns.ints(ids)
    let one = [String](repeating: "all", count: ids.count)
    let total = expected(ids, one)
    #expect(counts(input, by: one) == total)
    if case .int64(let n) = total.first { #expect(n > 4_096) }
    #expect(counts(input, by: labels) == expected(ids, labels))
    let many = labels.indices.map { "g\(($0 &* 7_919) % 1_000)" }
    #expect(counts(input, by: many) == expected(ids, many))
  }

  @Test func wideAndCollidingKeysWithNulls() {
    // Multiples of 2^40 and of 2^52 share their low bits; Int64.min and .max make the range
    // unfoldable, so one group hashes the images themselves (Int64.min is the empty marker)
    // and several groups take the two-pass fallback.
    var values: [Int64?] = []
    for i in 0..<9_000 {
      values.append(Int64(i % 5_000) << 40)
      values.append(Int64(i % 300) << 52)
      if i % 11 == 0 { values.append(nil) }
    }
    values += [Int64.min, Int64.max, Int64.min, nil, 0, -1]
    let input = TestColumns.ints(values)
    let one = [String](repeating: "all", count: values.count)
    #expect(counts(input, by: one) == expected(values, one))
    let three = values.indices.map { "g\($0 % 3)" }
    #expect(counts(input, by: three) == expected(values, three))
    // The same keys grouped: one group per distinct value plus one for NULL.
    let index = GroupIndex.build(keys: [input])
    #expect(index.groupCount == Set(values).count)
    var idOf: [Int64?: Int32] = [:]
    let consistent = values.indices.allSatisfy { row in
      let id = index.groupOf[row]
      if let known = idOf[values[row]] { return known == id }
      idOf[values[row]] = id
      return true
    }
    #expect(consistent)
  }

  @Test func doublesAndStringsInOnePass() {
    var s = Stream(state: 7)
    var xs: [Double?] = []
    var names: [String?] = []
    for row in 0..<150_000 {
      let k = s.next(20_000)
      xs.append(row % 13 == 0 ? nil : (k == 0 ? -0.0 : Double(k) / 7))
      names.append(row % 19 == 0 ? nil : "p\(k % 6_000)")
    }
    xs += [0.0, .nan, -.nan]
    names += ["x", "y", nil]
    let one = [String](repeating: "all", count: xs.count)
    let labels = xs.indices.map { "g\($0 % 5)" }
    // Swift sets keep -0.0 == 0.0 but every NaN apart; count_distinct counts one NaN.
    let plain = xs.map { x in x.map { $0.isNaN ? Double.infinity : $0 } }
    #expect(counts(TestColumns.doubles(xs), by: one) == expected(plain, one))
    #expect(counts(TestColumns.doubles(xs), by: labels) == expected(plain, labels))
    let strings = Column.string(StringColumn(names))
    #expect(counts(strings, by: one) == expected(names, one))
    #expect(counts(strings, by: labels) == expected(names, labels))
  }

  @Test func sparseIntGroupingMatchesSets() {
    let (ids, _) = sparse(rows: 300_000, people: 50_000, groups: 1)
    let index = GroupIndex.build(keys: [TestColumns.ints(ids)])
    #expect(index.groupCount == Set(ids).count)
    var firstOf: [Int64?: Int] = [:]
    for (row, id) in ids.enumerated() where firstOf[id] == nil { firstOf[id] = row }
    #expect(index.firstRow.map(Int.init) == firstOf.values.sorted())
    #expect(ids.indices.allSatisfy { ids[Int(index.firstRow[Int(index.groupOf[$0])])] == ids[$0] })
  }

  /// The estimate drawn in pieces on any number of threads is the one of the serial SplitMix64
  /// stream scaled to the rows by a 128-bit product, computed here with a dictionary of the
  /// sampled keys (NULL rows left out).
  @Test func distinctEstimateMatchesTheSerialSampleOnAnyThreads() {
    func reference(rows: Int, key: (Int) -> Int64?) -> Int {
      var state: UInt64 = 0x5EED_0F_7AB1E
      var seen: [Int64: Int] = [:]
      var s = 0
      for _ in 0..<GroupIndex.estimateSample {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        // Scaled to 0..<rows by the high half of z * rows.
        if let k = key(Int(z.multipliedFullWidth(by: UInt64(rows)).high)) {
          seen[k, default: 0] += 1
          s += 1
        }
      }
      if s < 2 { return max(s, 1) }
      let pairs = seen.values.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
      if pairs == 0 { return rows }
      return min(rows, max(seen.count, Int((Double(s) * Double(s - 1) / (2 * Double(pairs))).rounded(.up))))
    }
    let rows = 700_001
    let sparse: (Int) -> Int64? = { $0 % 13 == 5 ? nil : Int64(($0 &* 7_919) % 90_001) * 104_729 - (1 << 40) }
    let mostlyNull: (Int) -> Int64? = { $0 % 1_000 == 0 ? Int64($0 % 7) : nil }
    let wide: (Int) -> Int64? = { Int64(bitPattern: UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
    for threads in [1, 2, 3] {
      Parallelism.setThreads(threads)
      defer { Parallelism.setThreads(0) }
      #expect(GroupIndex.estimatedDistinct(rows: rows, key: sparse) == reference(rows: rows, key: sparse))
      #expect(GroupIndex.estimatedDistinct(rows: rows, key: mostlyNull) == reference(rows: rows, key: mostlyNull))
      #expect(GroupIndex.estimatedDistinct(rows: rows, key: wide) == reference(rows: rows, key: wide))
    }
  }

  @Test func distinctEstimateIsCloseOnUniformKeysAndNeverAboveRows() {
    let rows = 1_000_000
    let keys = (0..<rows).map { Int64(($0 &* 7_919) % 100_000) * 1_009 }
    let estimate = GroupIndex.estimatedDistinct(rows: rows) { keys[$0] }
    #expect(estimate > 85_000 && estimate < 115_000)
    let unique = GroupIndex.estimatedDistinct(rows: rows) { Int64($0) }
    #expect(unique <= rows && unique > rows / 4)
    #expect(GroupIndex.estimatedDistinct(rows: rows) { _ in nil } == 1)
    #expect(GroupIndex.hashCapacity(expected: 0) == 4_096)
    #expect(GroupIndex.hashCapacity(expected: 100_000) == 262_144)
  }
}

/// Partitioned distinct counting (``CountDistinctAggregate/partitionedSet``) against counts
/// computed independently with Swift sets.
@Suite struct PartitionedCountDistinctTests {
  @Test(arguments: [1, 2]) func partitionedSetMatchesSets(threads: Int) {
    let n = 20_000
    guard let f = DistinctFixture(rows: n, seed: 42, groups: 7, nullEvery: 53, nullAt: 3, base: 10_000_000, span: 3_000)
    else { return }
    let (c, groups, sets, whole) = (f.column, f.groups, f.sets, f.whole)
    let base: Int64 = 10_000_000
    let span: Int64 = 3_000
    for bits in [2, 4] {
      var counts = [Int64](repeating: 0, count: 7)
      CountDistinctAggregate.partitionedSet(
        c.widenedValues(), validity: c.validity, groups: groups, base: base, stride: span, expected: 10, bits: bits,
        chunkRows: 128, threads: threads, counts: &counts)
      #expect(counts == sets.map { Int64($0.count) })
      // One group, unfolded (stride 0): the whole column's distinct values.
      let one = GroupIndex(groupOf: [Int32](repeating: 0, count: n), groupCount: 1, firstRow: [0])
      var total: [Int64] = [0]
      CountDistinctAggregate.partitionedSet(
        c.widenedValues(), validity: c.validity, groups: one, base: 0, stride: 0, expected: 10, bits: bits,
        chunkRows: 64, threads: threads, counts: &total)
      #expect(total == [Int64(whole.count)])
    }
  }
}

/// Distinct counting in one bitset shared by all threads (``CountDistinctAggregate/sharedBitset``)
/// against counts computed independently with Swift sets.
@Suite struct SharedBitsetCountDistinctTests {
  @Test(arguments: [1, 2]) func sharedBitsetMatchesSets(threads: Int) {
    let n = 30_000
    guard let f = DistinctFixture(rows: n, seed: 7, groups: 5, nullEvery: 61, nullAt: 9, base: 20_000_000, span: 4_000)
    else { return }
    let (c, groups, sets, whole) = (f.column, f.groups, f.sets, f.whole)
    let span: Int64 = 4_000
    for chunkRows in [64, 1 << 16] {
      var counts = [Int64](repeating: 0, count: 5)
      CountDistinctAggregate.sharedBitset(
        c.widenedValues(), validity: c.validity, groups: groups, base: 20_000_000, stride: span, domain: 5 * span,
        counts: &counts, chunkRows: chunkRows, threads: threads)
      #expect(counts == sets.map { Int64($0.count) })
      // One group (stride 0): the whole column's distinct values.
      let one = GroupIndex(groupOf: [Int32](repeating: 0, count: n), groupCount: 1, firstRow: [0])
      var total: [Int64] = [0]
      CountDistinctAggregate.sharedBitset(
        c.widenedValues(), validity: c.validity, groups: one, base: 20_000_000, stride: 0, domain: span,
        counts: &total, chunkRows: chunkRows, threads: threads)
      #expect(total == [Int64(whole.count)])
    }
  }

  @Test func sharedBitsetOnlyOnSeveralThreadsForLargeInputsWithFewGroups() {
    #expect(CountDistinctAggregate.usesSharedBitset(rows: 1_000_000, groups: 1, threads: 2))
    #expect(!CountDistinctAggregate.usesSharedBitset(rows: 1_000_000, groups: 1, threads: 1))
    #expect(!CountDistinctAggregate.usesSharedBitset(rows: 1_000_000, groups: 100_000, threads: 2))
    #expect(!CountDistinctAggregate.usesSharedBitset(rows: 1_000, groups: 1, threads: 2))
  }
}

/// Pseudo-random sparse ids in pseudo-random groups, some NULL, with their distinct sets worked
/// out independently with Swift sets (per group and over the whole column).
private struct DistinctFixture {
  var column: Int64Column
  var groups: GroupIndex
  var sets: [Set<Int64>]
  var whole: Set<Int64>

  init?(rows n: Int, seed: UInt64, groups count: Int, nullEvery: Int, nullAt: Int, base: Int64, span: Int64) {
    var state = seed
    var raw: [Int64?] = []
    var groupOf: [Int32] = []
    for row in 0..<n {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      groupOf.append(Int32((state >> 40) % UInt64(count)))
      raw.append(row % nullEvery == nullAt ? nil : base + Int64(state >> 35) % span)
    }
    sets = [Set<Int64>](repeating: [], count: count)
    for row in 0..<n { if let v = raw[row] { sets[Int(groupOf[row])].insert(v) } }
    whole = sets.reduce(into: Set<Int64>()) { $0.formUnion($1) }
    guard case .int64(let c) = TestColumns.ints(raw) else {
      Issue.record("not an integer column")
      return nil
    }
    column = c
    var firstRow: [Int32] = []
    var seen = Set<Int32>()
    for (row, g) in groupOf.enumerated() where seen.insert(g).inserted { firstRow.append(Int32(row)) }
    groups = GroupIndex(groupOf: groupOf, groupCount: count, firstRow: firstRow)
  }
}
