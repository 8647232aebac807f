import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct WindowEvaluatorTests {
  typealias C = TestColumns

  // Rows: kommune, år, ledige. Partition "A" in year order: rows 2, 0, 4 (2008, 2009, 2009); "B": 1, 5; NULL: 3.
  let kommune = C.strings(["A", "B", "A", nil, "A", "B"])
  let year = C.ints([2009, 2008, 2008, 2010, 2009, 2011])
  let ledige = C.ints([5, 7, 3, 1, nil, 4])

  private func run(_ f: WindowFunction, _ input: Column? = nil, descending: Bool = false) -> [Value] {
    C.values(
      WindowEvaluator.compute(f, input: input, partition: [kommune], order: [year], descending: [descending]))
  }

  @Test func rowNumberRankDenseRankPercentRank() {
    #expect(run(.rowNumber) == [2, 1, 1, 1, 3, 2].map { .int64($0) })
    #expect(run(.rank) == [2, 1, 1, 1, 2, 2].map { .int64($0) })
    #expect(run(.denseRank) == [2, 1, 1, 1, 2, 2].map { .int64($0) })
    #expect(run(.percentRank) == [0.5, 0, 0, 0, 0.5, 1].map { .double($0) })
    #expect(run(.rank, descending: true) == [1, 2, 3, 1, 1, 1].map { .int64($0) })
    #expect(run(.denseRank, descending: true) == [1, 2, 2, 1, 1, 1].map { .int64($0) })
  }

  @Test func integerOverflowIsNullWithAWarningNeverWraps() {
    // Running totals are exact: Int64.max + 1 lies outside Int64 (NULL, never wrapped to
    // Int64.min), + (-2) = Int64.max - 1 is back inside (a value again, as DuckDB's HUGEINT
    // running sum); change(x) = -2 - Int64.max overflows.
    let x = C.ints([Int64.max, 1, -2, 5])
    var warnings = EvaluationWarnings()
    let sums = WindowEvaluator.compute(
      .runningSum, input: x, partition: [C.strings(["a", "a", "a", "b"])], order: [], descending: [], warnings: &warnings)
    #expect(C.values(sums) == [.int64(Int64.max), .null, .int64(Int64.max - 1), .int64(5)])
    #expect(warnings.overflows == 1)
    var changeWarnings = EvaluationWarnings()
    let change = WindowEvaluator.compute(
      .change, input: C.ints([Int64.max, 1, -2]), partition: [], order: [], descending: [], warnings: &changeWarnings)
    // 1 - Int64.max fits; -2 - 1 = -3.
    #expect(C.values(change) == [.null, .int64(1 - Int64.max), .int64(-3)])
    #expect(changeWarnings.overflows == 0)
    let wraps = WindowEvaluator.compute(
      .change, input: C.ints([Int64.max, -2]), partition: [], order: [], descending: [], warnings: &changeWarnings)
    #expect(C.values(wraps) == [.null, .null])
    #expect(changeWarnings.overflows == 1)
  }

  @Test func runningSumOfDoublesIsCompensated() {
    // DuckDB: fsum(x) OVER (ORDER BY i ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) over
    // 1e15, 0.1, -1e15, 0.2 gives 1e15, 1000000000000000.1, 0.1, 0.30000000000000004; a plain
    // double running sum (DuckDB's sum) loses 0.1 to 1e15's rounding: 0.125, 0.325.
    var warnings = EvaluationWarnings()
    let sums = WindowEvaluator.compute(
      .runningSum, input: C.doubles([1e15, 0.1, -1e15, 0.2]), partition: [], order: [], descending: [],
      warnings: &warnings)
    #expect(C.values(sums) == [.double(1e15), .double(1000000000000000.1), .double(0.1), .double(0.30000000000000004)])
  }

  @Test func runningAggregatesIncludePeersAndFollowTheOrder() {
    // Partition A in year order: row 2 (2008, x 3), rows 0 and 4 (2009 peers, x 5 and NULL).
    // Partition B: row 1 (2008, 7), row 5 (2011, 4). NULL partition: row 3 (2010, 1).
    let layout = WindowLayout(count: 6, partition: [kommune], order: [year], descending: [false], peers: true)
    var w0 = EvaluationWarnings()
    func running(_ f: AggregateFunction, _ input: Column?) -> [Value] {
      var warnings = EvaluationWarnings()
      let result = try? RunningAggregateWindow.compute(f, parameter: nil, input: input, layout: layout, warnings: &warnings)
      return result.map(C.values) ?? []
    }
    // sum: A 2008 → 3, 2009 peers → 3 + 5 = 8 (NULL skipped); B → 7, 7 + 4 = 11.
    #expect(running(.sum, ledige) == [.int64(8), .int64(7), .int64(3), .int64(1), .int64(8), .int64(11)])
    // count(): A 2008 → 1, 2009 → 3 (both peers); count(x) skips the NULL: 2.
    #expect(running(.count, nil) == [3, 1, 1, 1, 3, 2].map { Value.int64($0) })
    #expect(running(.count, ledige) == [2, 1, 1, 1, 2, 2].map { Value.int64($0) })
    // first: the earliest year's value whatever the input order; last: the last non-NULL of the frame.
    #expect(running(.first, ledige) == [.int64(3), .int64(7), .int64(3), .int64(1), .int64(3), .int64(7)])
    #expect(running(.last, ledige) == [.int64(5), .int64(7), .int64(3), .int64(1), .int64(5), .int64(4)])
    // min/max: A → 3 then min(3, 5) = 3 / max 5; B → 7, then min 4 / max 7.
    #expect(running(.min, ledige) == [.int64(3), .int64(7), .int64(3), .int64(1), .int64(3), .int64(4)])
    #expect(running(.max, ledige) == [.int64(5), .int64(7), .int64(3), .int64(1), .int64(5), .int64(7)])
    // avg: A (3 + 5) / 2 = 4; B (7 + 4) / 2 = 5.5. median (framewise kernel): same numbers here.
    #expect(running(.avg, ledige) == [.double(4), .double(7), .double(3), .double(1), .double(4), .double(5.5)])
    #expect(running(.median, ledige) == [.double(4), .double(7), .double(3), .double(1), .double(4), .double(5.5)])
    // count_distinct: A 2008 {3} → 1, 2009 {3, 5} → 2; B {7} → 1, {7, 4} → 2. stdev: A sd(3, 5) = sqrt(2);
    // B sd(7, 4) = sqrt(((7 - 5.5)² + (4 - 5.5)²) / 1) = sqrt(4.5); one value → NULL.
    #expect(running(.count_distinct, ledige) == [2, 1, 1, 1, 2, 2].map { Value.int64($0) })
    let sd = running(.stdev, ledige)
    #expect(sd[1] == .null && sd[2] == .null && sd[3] == .null)
    if case .double(let a) = sd[0], case .double(let b) = sd[5] {
      #expect(abs(a - 2.0.squareRoot()) < 1e-12 && abs(b - 4.5.squareRoot()) < 1e-12)
    } else {
      Issue.record("stdev should be a double")
    }
    // The one-pass median/percentile agrees with the aggregate's kernel run on every frame
    // (framewise), also with NaN (above every number), NULLs and ties.
    let mixed = C.doubles([2.5, .nan, nil, -1, 7, 2.5, 0, 100, nil, 3])
    let parts = C.strings(["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"])
    let keys = C.ints([1, 2, 2, 3, 4, 1, 1, 2, 3, 3])
    let mixedLayout = WindowLayout(count: 10, partition: [parts], order: [keys], descending: [false], peers: true)
    for (function, p) in [(AggregateFunction.median, nil), (.percentile, 90.0), (.percentile, 0.0), (.percentile, 100.0)] {
      var w = EvaluationWarnings()
      let fast = try? RunningAggregateWindow.compute(function, parameter: p, input: mixed, layout: mixedLayout, warnings: &w)
      let slow = try? RunningAggregateWindow.framewise(function, parameter: p, input: mixed, layout: mixedLayout)
      let (a, b) = (fast.map(C.values) ?? [], slow.map(C.values) ?? [])
      #expect(a.count == 10 && a.description == b.description, "\(function) \(p ?? 50)")
    }
    // By hand, partition b: key 1 {2.5, 0} → median 1.25; key 2 adds 100 → 2.5; key 3 adds 3 (NULL skipped) → 2.75.
    let medians = try? RunningAggregateWindow.compute(.median, parameter: nil, input: mixed, layout: mixedLayout, warnings: &w0)
    #expect(medians.map { C.values($0).suffix(5) } == [.double(1.25), .double(1.25), .double(2.5), .double(2.75), .double(2.75)])
    // The same in batches of at most 2 frame rows (one peer group per batch): batching changes nothing.
    let batched = try? RunningAggregateWindow.framewise(.median, parameter: nil, input: ledige, layout: layout, batchRows: 2)
    #expect(batched.map(C.values) == running(.median, ledige))
    let strings = C.strings(["x", "y", "z", "w", "v", "u"])
    let maxima = try? RunningAggregateWindow.framewise(.max, parameter: nil, input: strings, layout: layout, batchRows: 1)
    // A: 2008 row 2 "z"; 2009 rows 0, 4 "x", "v" → max z. B: "y", then max(y, u) = y. NULL partition: "w".
    #expect(maxima.map(C.values) == ["z", "y", "z", "w", "z", "y"].map { Value.string($0) })
  }

  /// 150,000 rows by a sparse person id (NULLs too) and a week with ties: the layout sorts one
  /// word and finds partitions and peer groups in its sorted keys (top digit first from 65,536
  /// rows, buckets on all threads). On 1 and 2 threads the rows, partition starts and peer starts
  /// must be those computed here by sorting (person, week, row) and comparing neighbours.
  @Test(arguments: [1, 2]) func layoutOfManyRowsMatchesASortedReference(threads: Int) {
    Parallelism.setThreads(threads)
    defer { Parallelism.setThreads(0) }
    var generator = SeededGenerator(seed: 3)
    var person: [Int64?] = []
    var week: [Int64?] = []
    for row in 0..<150_000 {
      person.append(row % 101 == 0 ? nil : 10_000_000 + Int64(generator.below(15_000) * 5_003))
      week.append(Int64(generator.below(60)))
    }
    let layout = WindowLayout(
      count: person.count, partition: [C.ints(person)], order: [C.ints(week)], descending: [false], peers: true)
    // NULL sorts last; ties keep row order.
    func key(_ row: Int) -> (Int64, Int64, Int) { (person[row] ?? Int64.max, week[row] ?? Int64.max, row) }
    let expected = person.indices.sorted { key($0) < key($1) }
    var starts: [Int] = []
    var peerStarts: [Bool] = []
    for (p, row) in expected.enumerated() {
      let newPartition = p == 0 || person[row] != person[expected[p - 1]]
      if newPartition { starts.append(p) }
      peerStarts.append(newPartition || week[row] != week[expected[p - 1]])
    }
    starts.append(expected.count)
    let mismatch = expected.indices.first { Int(layout.rows[$0]) != expected[$0] }
    #expect(mismatch == nil)
    #expect(layout.partitionStarts == starts)
    #expect(layout.peerStarts.indices.first { layout.peerStarts[$0] != peerStarts[$0] } == nil)
  }

  @Test func gapsAfterTies() {
    let order = C.ints([1, 1, 2, 3, 3, 4])
    let rank = WindowEvaluator.compute(.rank, input: nil, partition: [], order: [order], descending: [false])
    #expect(C.values(rank) == [1, 1, 3, 4, 4, 6].map { .int64($0) })
    let dense = WindowEvaluator.compute(.denseRank, input: nil, partition: [], order: [order], descending: [false])
    #expect(C.values(dense) == [1, 1, 2, 3, 3, 4].map { .int64($0) })
  }

  @Test func prevAndNext() {
    #expect(run(.prev(offset: 1), ledige) == [.int64(3), .null, .null, .null, .int64(5), .int64(7)])
    #expect(run(.next(offset: 1), ledige) == [.null, .int64(4), .int64(5), .null, .null, .null])
    #expect(run(.prev(offset: 2), ledige) == [.null, .null, .null, .null, .int64(3), .null])
    let names = C.strings(["x", "y", "z", "w", "v", "u"])
    #expect(run(.next(offset: 2), names) == [.null, .null, .string("v"), .null, .null, .null])
  }

  @Test func runningSumShareChange() {
    #expect(run(.runningSum, ledige) == [.int64(8), .int64(7), .int64(3), .int64(1), .int64(8), .int64(11)])
    let nullFirst = C.ints([nil, nil, 4])
    let sums = WindowEvaluator.compute(.runningSum, input: nullFirst, partition: [], order: [], descending: [])
    #expect(C.values(sums) == [.null, .null, .int64(4)])
    let shares: [Value] = [.double(5.0 / 8), .double(7.0 / 11), .double(3.0 / 8), .double(1), .null, .double(4.0 / 11)]
    #expect(run(.share, ledige) == shares)
    #expect(run(.change, ledige) == [.int64(2), .null, .null, .null, .null, .int64(-3)])
    let d = C.doubles([1.5, 2.0, nil, 4.0])
    let change = WindowEvaluator.compute(.change, input: d, partition: [], order: [], descending: [])
    #expect(C.values(change) == [.null, .double(0.5), .null, .null])
    let dsum = WindowEvaluator.compute(.runningSum, input: d, partition: [], order: [], descending: [])
    #expect(C.values(dsum) == [.double(1.5), .double(3.5), .double(3.5), .double(7.5)])
    let zero = WindowEvaluator.compute(.share, input: C.ints([2, -2, nil]), partition: [], order: [], descending: [])
    #expect(C.values(zero) == [.null, .null, .null])
  }

  @Test func withoutOrderKeysRowOrderHolds() {
    let part = C.ints([1, 2, 1, 2, 1])
    let x = C.ints([10, 20, 30, 40, 50])
    func go(_ f: WindowFunction) -> [Value] {
      C.values(WindowEvaluator.compute(f, input: x, partition: [part], order: [], descending: []))
    }
    #expect(go(.rowNumber) == [1, 1, 2, 2, 3].map { .int64($0) })
    #expect(go(.rank) == [1, 1, 1, 1, 1].map { .int64($0) })
    #expect(go(.prev(offset: 1)) == [.null, .null, .int64(10), .int64(20), .int64(30)])
    #expect(go(.runningSum) == [10, 20, 40, 60, 90].map { .int64($0) })
    #expect(go(.percentRank) == [0, 0, 0, 0, 0].map { .double($0) })
  }

  @Test func nullPartitionKeysFormOnePartition() {
    let part = C.strings([nil, "a", nil, nil])
    let numbers = WindowEvaluator.compute(.rowNumber, input: nil, partition: [part], order: [], descending: [])
    #expect(C.values(numbers) == [1, 1, 2, 3].map { .int64($0) })
  }

  @Test func nullOrderKeysSortLast() {
    let order = C.ints([nil, 2, 1])
    let numbers = WindowEvaluator.compute(.rowNumber, input: nil, partition: [], order: [order], descending: [true])
    #expect(C.values(numbers) == [3, 1, 2].map { .int64($0) })
    let ranks = WindowEvaluator.compute(.rank, input: nil, partition: [], order: [C.ints([nil, 1, nil])], descending: [false])
    #expect(C.values(ranks) == [2, 1, 2].map { .int64($0) })
  }

  @Test func emptyInput() {
    let empty = WindowEvaluator.compute(.rank, input: nil, partition: [C.ints([])], order: [], descending: [])
    #expect(empty.count == 0)
  }
}
