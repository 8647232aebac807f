import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery

/// Morsel-driven execution gives the same table with 1 and 3 threads, cell by cell (double sums,
/// group order, join order and NULLs included), and the one-pass result wherever that is exact.
/// (With one thread only double sums and averages take morsels, so these also compare the
/// morsel path with one pass; grouping in morsels is turned on here, it is off by default.)
/// Morsels of 512 rows make a 5,000-row table ten morsels.
@Suite struct MorselExecutionTests {
  static let rows = 5_000

  /// k: int 0..39 (NULL every 97th row), g: text of four values with NULLs, x: int with NULLs and
  /// zeros, y: double with NULLs and a -0.0, big: int near Int64.max (sums overflow in some groups).
  static let table: Table = {
    var generator = SeededGenerator(seed: 16_4)
    var k: [Int64?] = [], g: [String?] = [], x: [Int64?] = [], y: [Double?] = [], big: [Int64?] = []
    for row in 0..<rows {
      k.append(row % 97 == 0 ? nil : Int64(generator.below(40)))
      g.append(generator.chance(5) ? nil : generator.pick(["a", "b", "æ", "ø"]))
      x.append(generator.chance(5) ? nil : Int64(generator.below(41)) - 20)
      y.append(generator.chance(5) ? nil : (row == 1234 ? -0.0 : Double(generator.below(2_000_000)) / 7 - 1e5))
      big.append(Int64.max / 3 - Int64(generator.below(1000)))
    }
    return Table([
      ("k", TestColumns.ints(k)), ("g", TestColumns.strings(g)), ("x", TestColumns.ints(x)),
      ("y", TestColumns.doubles(y)), ("big", TestColumns.ints(big)),
    ])
  }()

  /// The result of `query` over `t` and the warnings, with morsels of `morselRows` rows on `threads` threads.
  static func run(
    _ query: String, morselRows: Int, threads: Int, morselAggregation: Bool = true, parallelAggregatesFrom: Int? = nil
  ) throws -> (Table, [String]) {
    guard case .pipeline(let pipeline) = try QueryParser.parse(query) else { throw Stop() }
    let binder = Binder(
      source: SourceText(query), resolveTable: { name throws(Diagnostic) in name == "t" ? table : nil },
      tableNames: ["t"])
    var executor = Executor()
    executor.morselRows = morselRows
    executor.threads = threads
    executor.morselAggregation = morselAggregation
    executor.morselSelection = true
    if let parallelAggregatesFrom { executor.parallelAggregatesMinRows = parallelAggregatesFrom }
    let result = try executor.run(Optimizer.optimize(try binder.bind(pipeline)))
    return (result, executor.warnings.messages)
  }

  struct Stop: Error {}

  /// Cells as text with doubles by bit pattern, so -0.0, NaN and the last bit count.
  static func cells(_ table: Table) -> [[String]] {
    (0..<table.rowCount).map { row in
      table.columns.map { column in
        if case .double(let c) = column, c.validity.isValid(row) { return "d\(c.values[row].bitPattern)" }
        return "\(column.value(at: row))"
      }
    }
  }

  static let queries = [
    "t | where x > 3 and y < 50000 | extend z = x * 2 + y / 3, w = 100 / x",
    "t | where g == \"æ\" or x is null | select k, g, y",
    "t | extend q = if(x == 0, -1, 10 / x), r = coalesce(y, x * 1.5)",
    "t | summarize n = count(), c = count(y), s = sum(x), sy = sum(y), a = avg(x), ay = avg(y), lo = min(y), hi = max(x), sb = sum(big) by k",
    "t | summarize n = count(), sy = sum(y), hi = max(y), lo = min(x), t = count_if(x > 0), md = median(y), d = count_distinct(x) by g, k",
    "t | summarize n = count(), sy = sum(y), ay = avg(y), s = sum(x)",
    "t | summarize n = count(), s = sum(y) by x % 7, g",
    "t | join (t | summarize s = sum(x), sy = sum(y) by k) on k | select k, g, x, s, sy",
    "t | join kind=left (t | where x > 15 | select x, g2 = g) on x | select x, g, g2",
    "t | where y > 0 | summarize n = count(), sy = sum(y / 3) by g | sort by g",
  ]

  @Test(arguments: queries) func oneAndThreeThreadsAgreeCellByCell(_ query: String) throws {
    let (one, oneWarnings) = try Self.run(query, morselRows: 512, threads: 1)
    let (three, threeWarnings) = try Self.run(query, morselRows: 512, threads: 3)
    #expect(one.schema.names == three.schema.names)
    #expect(Self.cells(one) == Self.cells(three), "\(query)")
    #expect(oneWarnings == threeWarnings, "\(query)")
  }

  /// Without morsels, a `summarize` of several aggregates computes them on all threads, one per
  /// thread (``Executor/parallelAggregatesMinRows``, here from one row): the same cells and the
  /// same warnings (`sum(big)` overflows in some groups) as one thread computing them in turn.
  @Test(arguments: queries.filter { $0.contains("summarize") })
  func aggregatesComputedOnSeveralThreadsAgree(_ query: String) throws {
    let (one, oneWarnings) = try Self.run(query, morselRows: Morsels.defaultRows, threads: 1, morselAggregation: false)
    let (three, threeWarnings) = try Self.run(
      query, morselRows: Morsels.defaultRows, threads: 3, morselAggregation: false, parallelAggregatesFrom: 1)
    #expect(one.schema.names == three.schema.names)
    #expect(Self.cells(one) == Self.cells(three), "\(query)")
    #expect(oneWarnings == threeWarnings, "\(query)")
    if query.contains("sum(big)") { #expect(threeWarnings.contains { $0.contains("overflow") }) }
  }

  /// Without double sums the morsel path is exactly the one-pass path: rows, order, NULLs, warnings.
  @Test func morselsMatchOnePassWhereExact() throws {
    let exact = [
      "t | where x > 3 and y < 50000 | extend z = x * 2 + y / 3, w = 100 / x",
      "t | summarize n = count(), c = count(y), s = sum(x), a = avg(x), lo = min(y), hi = max(x), sb = sum(big) by k",
      "t | summarize n = count(), hi = max(y), lo = min(x), d = count_distinct(x) by g, k",
      "t | join (t | summarize s = sum(x) by k) on k | select k, g, x, s",
    ]
    for query in exact {
      let (morsels, morselWarnings) = try Self.run(query, morselRows: 512, threads: 3)
      let (onePass, onePassWarnings) = try Self.run(query, morselRows: Morsels.defaultRows, threads: 1)
      #expect(Self.cells(morsels) == Self.cells(onePass), "\(query)")
      #expect(morselWarnings == onePassWarnings, "\(query)")
    }
  }

  /// Counted here, not by Trappe: groups in order of first appearance, counts, int sums, and the
  /// groups whose `big` sum leaves Int64 (NULL, one overflow warning each).
  @Test func groupsCountsAndSumsComputedIndependently() throws {
    let (result, warnings) = try Self.run(
      "t | summarize n = count(), s = sum(x), sb = sum(big) by k", morselRows: 512, threads: 3)
    var order: [Int64?] = []
    var n: [Int64?: Int64] = [:], s: [Int64?: Int64] = [:], sb: [Int64?: Int128] = [:]
    let t = Self.table
    for row in 0..<t.rowCount {
      let key: Int64? = t.columns[0].value(at: row) == .null ? nil : { if case .int64(let v) = t.columns[0].value(at: row) { return v } else { return nil } }()
      if n[key] == nil { order.append(key) }
      n[key, default: 0] += 1
      if case .int64(let v) = t.columns[2].value(at: row) { s[key, default: 0] += v }
      if case .int64(let v) = t.columns[4].value(at: row) { sb[key, default: 0] += Int128(v) }
    }
    #expect(result.rowCount == order.count)
    var overflows = 0
    for (row, key) in order.enumerated() {
      #expect(result.columns[0].value(at: row) == (key.map(Value.int64) ?? .null))
      #expect(result.columns[1].value(at: row) == .int64(n[key] ?? -1))
      #expect(result.columns[2].value(at: row) == .int64(s[key] ?? 0))
      if let total = Int64(exactly: sb[key] ?? 0) {
        #expect(result.columns[3].value(at: row) == .int64(total))
      } else {
        overflows += 1
        #expect(result.columns[3].value(at: row) == .null)
      }
    }
    #expect(overflows > 0)
    #expect(warnings.contains("\(overflows) integer overflow\(overflows == 1 ? "" : "s") gave NULL"))
  }

  /// Double sums go through the morsel partials with one thread too: the same bits with 1 and 3
  /// threads, and within rounding of the sum computed here.
  @Test func doubleSumsAreCloseToTheExactSum() throws {
    let (result, _) = try Self.run("t | summarize sy = sum(y)", morselRows: 512, threads: 1)
    var total = 0.0
    let t = Self.table
    for row in 0..<t.rowCount { if case .double(let v) = t.columns[3].value(at: row) { total += v } }
    guard case .double(let got) = result.columns[0].value(at: 0) else {
      Issue.record("no double sum")
      return
    }
    #expect(abs(got - total) <= 1e-9 * abs(total))
  }
}
