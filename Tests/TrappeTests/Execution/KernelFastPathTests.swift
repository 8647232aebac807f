import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

private typealias S = EvaluationTestSupport

/// The single-thread fast paths of issue 16: the fused `where` kernel, branch-free selection and
/// gather, two narrow integer keys grouped in one pass, Int64-first exact sums. Expected values
/// are worked out by hand (or by a plain loop over the test's own values), never read back
/// from Trappe.
@Suite struct KernelFastPathTests {
  private func fused(_ e: BoundExpression, _ t: Table) -> [Int32]? {
    var w = EvaluationWarnings()
    return SelectionKernel.selection(e, on: t, warnings: &w)
  }

  private func ordinary(_ e: BoundExpression, _ t: Table) -> [Int32] {
    var w = EvaluationWarnings()
    guard case .bool(let flags) = ExpressionEvaluator.evaluate(e, on: t, warnings: &w) else { return [] }
    return LogicKernel.selection(flags)
  }

  // MARK: fused where

  @Test func integerRangeWithNullsAndEdges() {
    let t = S.table(S.ints([5, nil, 150, 100, 151, 152, -3, Int64.min, Int64.max, 99]))
    // 100 <= x < 152: rows 2 (150), 3 (100), 4 (151); NULL, the edges and 99 are out.
    let e = BoundExpression.logical(
      .and, .comparison(.greaterOrEqual, S.col(0, .int64), S.int(100)),
      .comparison(.less, S.col(0, .int64), S.int(152)))
    #expect(fused(e, t) == [2, 3, 4])
    // The constant on the left is flipped: 100 <= x is x >= 100.
    let flipped = BoundExpression.logical(
      .and, .comparison(.lessOrEqual, S.int(100), S.col(0, .int64)),
      .comparison(.greater, S.int(152), S.col(0, .int64)))
    #expect(fused(flipped, t) == [2, 3, 4])
    // Extremes compare like any value: x == Int64.min is row 7, x >= Int64.max row 8.
    #expect(fused(.comparison(.equal, S.col(0, .int64), S.int(Int64.min)), t) == [7])
    #expect(fused(.comparison(.greaterOrEqual, S.col(0, .int64), S.int(Int64.max)), t) == [8])
  }

  @Test func notAndOrFollowThreeValuedLogic() {
    let t = S.table(S.ints([50, nil, 150, 7]), S.strings(["a", "b", nil, "b"]))
    // not (x > 100): 50 and 7 are kept; NULL stays NULL (dropped), 150 is false.
    #expect(fused(.not(.comparison(.greater, S.col(0, .int64), S.int(100))), t) == [0, 3])
    // x < 0 or s == "b": row 1 is NULL or true = true; row 3 false or true; row 2 false or NULL.
    let or = BoundExpression.logical(
      .or, .comparison(.less, S.col(0, .int64), S.int(0)), .comparison(.equal, S.col(1, .string), S.str("b")))
    #expect(fused(or, t) == [1, 3])
    // not (x > 100 or s == "a"): row 0 true or ... = true → false; row 1 NULL or false = NULL;
    // row 2 true → false; row 3 false or false = false → true.
    let notOr = BoundExpression.not(
      .logical(
        .or, .comparison(.greater, S.col(0, .int64), S.int(100)),
        .comparison(.equal, S.col(1, .string), S.str("a"))))
    #expect(fused(notOr, t) == [3])
    // not (x > 100 and s == "b"): row 0 false → true; row 1 NULL and true = NULL; row 2
    // true and NULL = NULL; row 3 false → true.
    let notAnd = BoundExpression.not(
      .logical(
        .and, .comparison(.greater, S.col(0, .int64), S.int(100)),
        .comparison(.equal, S.col(1, .string), S.str("b"))))
    #expect(fused(notAnd, t) == [0, 3])
  }

  @Test func stringsDoublesPeriodsAndColumnPairs() {
    let t = S.table(
      S.strings(["x", "y", nil, "x"]), S.doubles([1.5, .nan, 2.5, nil]),
      S.periods(.year, [.year(2008), .year(2009), nil, .year(2010)]), S.ints([1, 2, 3, 4]), S.ints([1, 5, nil, 0]))
    // A string absent from the dictionary: == nowhere, != every non-NULL row.
    #expect(fused(.comparison(.equal, S.col(0, .string), S.str("zzz")), t) == [])
    #expect(fused(.comparison(.notEqual, S.col(0, .string), S.str("zzz")), t) == [0, 1, 3])
    #expect(fused(.comparison(.notEqual, S.col(0, .string), S.str("x")), t) == [1])
    // NaN is unequal to everything and not greater: d != 2.5 is rows 0 and 1, d > 1 rows 0 and 2.
    #expect(fused(.comparison(.notEqual, S.col(1, .double), S.dbl(2.5)), t) == [0, 1])
    #expect(fused(.comparison(.greater, S.col(1, .double), S.int(1)), t) == [0, 2])
    let from2009 = BoundExpression.literal(.period(.year(2009)), .period)
    #expect(fused(.comparison(.greaterOrEqual, S.col(2, .period), from2009), t) == [1, 3])
    // Two int columns: a < b on rows 1 (2 < 5); row 2 has a NULL.
    #expect(fused(.comparison(.less, S.col(3, .int64), S.col(4, .int64)), t) == [1])
    #expect(fused(.comparison(.greaterOrEqual, S.col(3, .int64), S.col(4, .int64)), t) == [0, 3])
  }

  @Test func otherOperandsAreLeavesAndWarningPredicatesAreNotFused() {
    let t = S.table(S.ints([1, nil, 3, 4]), S.bools([true, true, nil, false]))
    // A bool column and `is null` are leaves inside the fused tree.
    let e = BoundExpression.logical(.or, S.col(1, .bool), .isNull(S.col(0, .int64), negated: false))
    #expect(fused(e, t) == [0, 1])
    // A division can count a warning: not fused, the ordinary path keeps its row-exact count.
    let warns = BoundExpression.comparison(
      .greater, .arithmetic(.divide, S.int(1), S.col(0, .int64), .double), S.dbl(0))
    #expect(fused(warns, t) == nil)
    // A lone column is nothing to fuse.
    #expect(fused(S.col(1, .bool), t) == nil)
    // A comparison the kernel does not fuse (int column against a double constant) is still
    // answered, from the ordinary evaluation: 3 and 4 are above 2.5, the NULL row is dropped.
    #expect(fused(.comparison(.greater, S.col(0, .int64), S.dbl(2.5)), t) == [2, 3])
  }

  @Test func chunkBoundariesAgreeWithAPlainLoop() {
    // 5,000 rows cross two chunk boundaries; NULL every 13th row.
    let n = 5_000
    let a: [Int64?] = (0..<n).map { $0 % 13 == 0 ? nil : Int64($0 % 7) }
    let b: [Int64?] = (0..<n).map { $0 % 11 == 0 ? nil : Int64($0 % 5) - 2 }
    let t = S.table(S.ints(a), S.ints(b))
    // (a == 3 or b < 0) and not (b == 1)
    let e = BoundExpression.logical(
      .and,
      .logical(
        .or, .comparison(.equal, S.col(0, .int64), S.int(3)), .comparison(.less, S.col(1, .int64), S.int(0))),
      .not(.comparison(.equal, S.col(1, .int64), S.int(1))))
    var expected: [Int32] = []
    for i in 0..<n {
      // Three-valued by hand: nil means NULL.
      let x: Bool? = a[i].map { $0 == 3 }
      let y: Bool? = b[i].map { $0 < 0 }
      let left: Bool? = (x == true || y == true) ? true : (x == false && y == false ? false : nil)
      let right: Bool? = b[i].map { $0 != 1 }
      if left == true && right == true { expected.append(Int32(i)) }
    }
    #expect(fused(e, t) == expected)
    #expect(ordinary(e, t) == expected)
  }

  // MARK: selection and gather

  @Test func selectionDropsNullAndFalse() {
    guard case .bool(let flags) = S.bools([true, nil, false, true, nil]) else { return }
    #expect(LogicKernel.selection(flags) == [0, 3])
    guard case .bool(let none) = S.bools([]) else { return }
    #expect(LogicKernel.selection(none) == [])
  }

  @Test func gatherWithMinusOneAndNulls() {
    let ints = S.ints([1, nil, 3])
    #expect(TestColumns.values(ints.gather([2, -1, 0, 1])) == [.int64(3), .null, .int64(1), .null])
    // A source without NULLs still gives NULL for -1, and all-valid output stays all-valid.
    let plain = S.ints([10, 20])
    #expect(TestColumns.values(plain.gather([1, -1])) == [.int64(20), .null])
    #expect(!plain.gather([1, 0, 1]).validity.hasNulls)
    let strings = S.strings(["a", nil, "c"])
    #expect(TestColumns.values(strings.gather([2, 1, -1, 0])) == [.string("c"), .null, .null, .string("a")])
    struct Stop: Error {}
    #expect(throws: Stop.self) { try plain.gather([0, 1], polling: { () throws(Stop) in throw Stop() }) }
  }

  @Test func selectionThroughSelection() throws {
    // Rows of a join mapped through a filter's selection: -1 stays -1.
    #expect(try Executor.through([5, 6, 7], [2, -1, 0, 0]) == [7, -1, 5, 5])
    #expect(try Executor.through(nil, [2, -1]) == [2, -1])
  }

  // MARK: two narrow keys

  @Test func twoNarrowKeysWithNullsAndNegativeValues() {
    let a = TestColumns.ints([-5, 3, nil, -5, 3, 3, nil])
    let b = TestColumns.ints([10, 10, 10, nil, 12, 10, nil])
    // (-5,10) (3,10) (NULL,10) (-5,NULL) (3,12) (3,10) again, (NULL,NULL)
    let index = GroupIndex.build(keys: [a, b])
    #expect(index.groupOf == [0, 1, 2, 3, 4, 1, 5])
    #expect(index.groupCount == 6)
    #expect(index.firstRow == [0, 1, 2, 3, 4, 6])
  }

  @Test func twoNarrowKeysAtTheRangeEdges() {
    // A key spanning Int64.min...Int64.max cannot be dense: the general path groups it.
    let a = TestColumns.ints([Int64.min, Int64.max, Int64.min, 0])
    let b = TestColumns.ints([1, 1, 1, 1])
    let index = GroupIndex.build(keys: [a, b])
    #expect(index.groupOf == [0, 1, 0, 2])
    // Narrow keys right at the dense limit's edge of the value range still pair up.
    let c = TestColumns.ints([Int64.max - 1, Int64.max, Int64.max])
    let d = TestColumns.years([2008, nil, 2008])
    #expect(GroupIndex.build(keys: [c, d]).groupOf == [0, 1, 2])
  }

  // MARK: exact integer sums

  @Test func int64SumsFallBackToInt128OnOverflow() {
    let groups = GroupIndex.build(keys: [TestColumns.ints([1, 1, 1, 2, 2, 3, 3])])
    let values = TestColumns.ints([Int64.max, 10, -Int64.max, Int64.max, 1, 4, nil])
    // Group 1: max + 10 - max = 10 whatever the order; group 2 is max + 1, outside Int64: NULL;
    // group 3: 4 (the NULL skipped).
    let sums = Aggregator.compute(.sum, input: values, parameter: nil, groups: groups)
    #expect(TestColumns.values(sums) == [.int64(10), .null, .int64(4)])
    // avg of max and max: (2^64 - 2) / 2 as a double is 2^63.
    let pairs = GroupIndex.build(keys: [TestColumns.ints([1, 1])])
    let avg = Aggregator.compute(.avg, input: TestColumns.ints([Int64.max, Int64.max]), parameter: nil, groups: pairs)
    #expect(TestColumns.values(avg) == [.double(9_223_372_036_854_775_808)])
    let small = Aggregator.compute(.avg, input: values, parameter: nil, groups: groups)
    #expect(TestColumns.values(small) == [.double(10.0 / 3), .double(9_223_372_036_854_775_808.0 / 2), .double(4)])
  }

  // MARK: fused aggregates

  /// The unfused path: the whole expression column, then the aggregate.
  private func unfused(
    _ f: AggregateFunction, _ e: BoundExpression, _ t: Table, _ groups: GroupIndex, _ w: inout EvaluationWarnings
  ) -> Column {
    let input = ExpressionEvaluator.evaluate(e, on: t, warnings: &w)
    return Aggregator.compute(f, input: input, parameter: nil, groups: groups, warnings: &w)
  }

  @Test func fusedSumAndAvgWithNullsAndOverflow() throws {
    // 40,000 rows: three chunks of 16,384; NULL every 17th a; one a * 2 that overflows.
    let n = 40_000
    var a: [Int64?] = (0..<n).map { $0 % 17 == 0 ? nil : Int64($0 % 100) }
    a[20_000] = Int64.max
    let t = S.table(S.ints(a), S.ints((0..<n).map { _ in 2 }), S.ints((0..<n).map { Int64($0 % 3) }))
    let groups = GroupIndex.build(keys: [t.columns[2]])
    let product = BoundExpression.arithmetic(.multiply, S.col(0, .int64), S.col(1, .int64), .int64)
    #expect(FusedAggregate.applies(.sum, product, rows: n))
    var expected = [Int64](repeating: 0, count: 3)
    var counted = [Int64](repeating: 0, count: 3)
    for i in 0..<n where i != 20_000 {
      if let x = a[i] {
        expected[i % 3] += x * 2
        counted[i % 3] += 1
      }
    }
    var w = EvaluationWarnings()
    let sums = try #require(FusedAggregate.compute(.sum, product, on: t, groups: groups, warnings: &w))
    #expect(TestColumns.values(sums) == expected.map { .int64($0) })
    // Row 20,000 overflowed once, and is named as the table's row, not the chunk's.
    #expect(w.overflows == 1)
    #expect(w.firstRow == 20_000)
    var u = EvaluationWarnings()
    #expect(TestColumns.values(unfused(.sum, product, t, groups, &u)) == TestColumns.values(sums))
    #expect(u == w)
    // avg(a - 2 + 1) per group: (sum of a) / count - 1, with the same NULLs (row 20,000 does
    // not overflow here: Int64.max - 2 + 1).
    let shifted = BoundExpression.arithmetic(
      .add, .arithmetic(.subtract, S.col(0, .int64), S.col(1, .int64), .int64), S.int(1), .int64)
    var aw = EvaluationWarnings()
    let avg = try #require(FusedAggregate.compute(.avg, shifted, on: t, groups: groups, warnings: &aw))
    var au = EvaluationWarnings()
    #expect(TestColumns.values(avg) == TestColumns.values(unfused(.avg, shifted, t, groups, &au)))
    #expect(aw == au && aw.overflows == 0)
    // Group 1 (i % 3 == 1) never holds row 20,000: its mean is the exact total of a - 1 over
    // its count, rounded once.
    var plain: Int64 = 0
    for i in stride(from: 1, to: n, by: 3) { if let x = a[i] { plain += x - 1 } }
    #expect(TestColumns.values(avg)[1] == .double(Double(plain) / Double(counted[1])))
  }

  @Test func fusedIntegerTotalsLeaveInt64Exactly() throws {
    // Three rows of Int64.max + 0 in one group: the total 3 * (2^63 - 1) leaves Int64, so the
    // sum is NULL (one overflow) and the mean is 2^63 as a double; 20,000 rows of 1 elsewhere.
    let n = 20_003
    let values: [Int64?] = (0..<n).map { $0 < 3 ? Int64.max : 1 }
    let t = S.table(S.ints(values), S.ints((0..<n).map { $0 < 3 ? 0 : 1 }))
    let groups = GroupIndex.build(keys: [t.columns[1]])
    let plus = BoundExpression.arithmetic(.add, S.col(0, .int64), S.int(0), .int64)
    var w = EvaluationWarnings()
    let sums = try #require(FusedAggregate.compute(.sum, plus, on: t, groups: groups, warnings: &w))
    #expect(TestColumns.values(sums) == [.null, .int64(20_000)])
    #expect(w.overflows == 1)
    let avg = try #require(FusedAggregate.compute(.avg, plus, on: t, groups: groups, warnings: &w))
    #expect(TestColumns.values(avg) == [.double(9_223_372_036_854_775_808), .double(1)])
    var u = EvaluationWarnings()
    #expect(TestColumns.values(unfused(.sum, plus, t, groups, &u)) == TestColumns.values(sums))
  }

  @Test func fusedDoubleSumsMatchTheUnfusedPath() throws {
    let n = 35_000
    let d: [Double?] = (0..<n).map { $0 % 29 == 0 ? nil : Double($0 % 1000) / 7 }
    let t = S.table(S.doubles(d), S.ints((0..<n).map { _ in 3 }), S.ints((0..<n).map { Int64($0 % 4) }))
    let groups = GroupIndex.build(keys: [t.columns[2]])
    // d * 3 and d / 0 (every row a division by zero: all NULL, counted per row).
    let times = BoundExpression.arithmetic(.multiply, S.col(0, .double), S.col(1, .int64), .double)
    let byZero = BoundExpression.arithmetic(.divide, S.col(0, .double), S.int(0), .double)
    for e in [times, byZero] {
      for f in [AggregateFunction.sum, .avg] {
        var w = EvaluationWarnings()
        let fused = try #require(FusedAggregate.compute(f, e, on: t, groups: groups, warnings: &w))
        var u = EvaluationWarnings()
        #expect(TestColumns.values(fused) == TestColumns.values(unfused(f, e, t, groups, &u)))
        #expect(w == u)
      }
    }
    var w = EvaluationWarnings()
    let none = try #require(FusedAggregate.compute(.sum, byZero, on: t, groups: groups, warnings: &w))
    #expect(TestColumns.values(none) == [.null, .null, .null, .null])
    // Rows with a non-NULL d: all but every 29th.
    #expect(w.divisionsByZero == n - (n + 28) / 29)
    // Not fused: too few rows, a non-arithmetic input, or a function call inside.
    #expect(!FusedAggregate.applies(.sum, times, rows: 100))
    #expect(!FusedAggregate.applies(.sum, S.col(0, .double), rows: n))
    #expect(!FusedAggregate.applies(.median, times, rows: n))
  }

  // MARK: the distinct estimate's sort

  @Test func radixSortGroupsEqualKeysInUnsignedOrder() {
    var g = SeededGenerator(seed: 16)
    var keys: [Int64] = [Int64.max, Int64.min, -1, 0, 1, -1, Int64.min, 42, 42]
    for _ in 0..<3_000 { keys.append(Int64(g.below(50)) - 25) }
    for _ in 0..<3_000 { keys.append(Int64(bitPattern: g.next())) }
    var sorted = keys
    GroupIndex.radixSort(&sorted)
    #expect(sorted == keys.sorted { UInt64(bitPattern: $0) < UInt64(bitPattern: $1) })
    // Keys that differ only in their top byte still sort (the skipped passes are only the
    // bytes every key shares).
    var high: [Int64] = [3 << 56, 1 << 56, 2 << 56, 1 << 56]
    GroupIndex.radixSort(&high)
    #expect(high == [1 << 56, 1 << 56, 2 << 56, 3 << 56])
  }
}

