import Testing

@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery

/// Int columns stored in 8, 16, 32 or 64 bits (issue 16, item 2): the width chosen at every
/// boundary, NULLs, widths kept by gather/morsel/scatter/concat, and queries over a narrowed
/// table giving what the same table stored in 64 bits gives (and values worked out by hand).
@Suite struct IntegerWidthTests {
  static func width(_ values: [Int64]) -> Int { Int64Column(values).narrowed().bitWidth }

  @Test func narrowsToTheSmallestWidthThatHoldsEveryValue() {
    #expect(Self.width([]) == 8)
    #expect(Self.width([0]) == 8)
    #expect(Self.width([Int64(Int8.min), Int64(Int8.max)]) == 8)
    #expect(Self.width([Int64(Int8.max) + 1]) == 16)
    #expect(Self.width([Int64(Int8.min) - 1]) == 16)
    #expect(Self.width([Int64(Int16.min), Int64(Int16.max)]) == 16)
    #expect(Self.width([Int64(Int16.max) + 1]) == 32)
    #expect(Self.width([Int64(Int16.min) - 1]) == 32)
    #expect(Self.width([Int64(Int32.min), Int64(Int32.max)]) == 32)
    #expect(Self.width([Int64(Int32.max) + 1]) == 64)
    #expect(Self.width([Int64(Int32.min) - 1]) == 64)
    #expect(Self.width([Int64.min, Int64.max]) == 64)
    let values: [Int64] = [Int64(Int16.min) - 1, -1, 0, 1, Int64(Int16.max) + 1]
    let narrow = Int64Column(values).narrowed()
    #expect(narrow.widenedValues() == values)
    #expect((0..<5).map { narrow[$0] } == values.map { Optional($0) })
    #expect(narrow.byteCount == 5 * 4)
  }

  @Test func nullsKeepPlaceholderZeroAndAnAllNullColumnIsEightBits() {
    let column = Int64Column(values: [0, 300, 0], validity: ValidityMask(flags: [false, true, false])).narrowed()
    #expect(column.bitWidth == 16)
    #expect([column[0], column[1], column[2]] == [nil, 300, nil])
    #expect(column.widenedValues() == [0, 300, 0])
    guard case .int64(let nulls) = Column.nulls(.int64, count: 4).narrowed() else {
      Issue.record("not an int column")
      return
    }
    #expect(nulls.bitWidth == 8)
    #expect(nulls.validity.nullCount == 4)
  }

  @Test func gatherMorselScatterKeepTheWidthAndConcatTakesTheWider() {
    let narrow = Column.int64(Int64Column([5, -7, 100, 42]).narrowed())
    guard case .int64(let gathered) = narrow.gather([3, -1, 0]) else { return }
    #expect(gathered.bitWidth == 8)
    #expect([gathered[0], gathered[1], gathered[2]] == [42, nil, 5])
    guard case .int64(let slice) = narrow.morsel(0..<2) else { return }
    #expect(slice.bitWidth == 8 && slice.widenedValues() == [5, -7])
    guard case .int64(let scattered) = narrow.scatter([0, 1, 2, 3], count: 6) else { return }
    #expect(scattered.bitWidth == 8)
    let wide = Column.int64(Int64Column([70_000, Int64(Int32.min)]).narrowed())
    guard case .int64(let joined) = narrow.concatenated(wide) else {
      Issue.record("concat failed")
      return
    }
    #expect(joined.bitWidth == 32)
    #expect(joined.widenedValues() == [5, -7, 100, 42, 70_000, Int64(Int32.min)])
    guard case .int64(let reversed) = wide.concatenated(narrow) else { return }
    #expect(reversed.bitWidth == 32)
    #expect(reversed.widenedValues() == [70_000, Int64(Int32.min), 5, -7, 100, 42])
    guard case .int64(let morsels) = Column.joinedMorsels([narrow, wide]) else { return }
    #expect(morsels.bitWidth == 32 && morsels.widenedValues() == joined.widenedValues())
  }

  /// A table of 8-, 16- and 32-bit columns (and a 64-bit one) with NULLs, stored narrow or wide.
  static func table(narrow: Bool) -> Table {
    var generator = SeededGenerator(seed: 16)
    var a: [Int64?] = []
    var b: [Int64?] = []
    var c: [Int64?] = []
    var d: [Int64?] = []
    for row in 0..<3_000 {
      a.append(row % 11 == 0 ? nil : Int64(generator.below(256)) - 128)
      b.append(row % 13 == 0 ? nil : Int64(generator.below(65_536)) - 32_768)
      c.append(row % 17 == 0 ? nil : Int64(generator.below(1 << 20)) * 4096 - (1 << 31))
      d.append(Int64.max / 2 - Int64(generator.below(1000)))
    }
    let t = Table([
      ("a", TestColumns.ints(a)), ("b", TestColumns.ints(b)), ("c", TestColumns.ints(c)),
      ("d", TestColumns.ints(d)),
    ])
    return narrow ? t.narrowed() : t
  }

  static func run(_ query: String, _ table: Table, morselRows: Int = 1 << 20, threads: Int = 1) throws -> (Table, [String]) {
    guard case .pipeline(let pipeline) = try QueryParser.parse(query) else { throw MorselExecutionTests.Stop() }
    let binder = Binder(
      source: SourceText(query), resolveTable: { name throws(Diagnostic) in name == "t" ? table : nil },
      tableNames: ["t"])
    var executor = Executor()
    executor.morselRows = morselRows
    executor.threads = threads
    let result = try executor.run(Optimizer.optimize(try binder.bind(pipeline)))
    return (result, executor.warnings.messages)
  }

  static let queries = [
    "t | where a > 127 | summarize n = count()",
    "t | where a <= 127 and b >= -32768 | summarize n = count()",
    "t | where a == 1000 or b == -40000 or c == 5000000000 | summarize n = count()",
    "t | where a != 1000 and b < 40000 and c > -5000000000 | summarize n = count()",
    "t | where a < -129 | summarize n = count()",
    "t | where a > 3 and b < 100 | select a, b, c",
    "t | where a > c | summarize n = count()",
    "t | extend x = a > 200, y = b != 70000, z = c < -3000000000 | summarize nx = count_if(x), ny = count_if(y), nz = count_if(z)",
    "t | extend p = a * b * c, q = b * b, r = a - 1000, s = -a | summarize sp = sum(p), sq = sum(q), mr = min(r), ms = max(s)",
    "t | extend o = d * 4 | summarize n = count(o)",
    "t | summarize n = count(), s = sum(a), sb = sum(b), sc = sum(c), av = avg(b), lo = min(c), hi = max(a), dc = count_distinct(b), md = median(c), p9 = percentile(b, 90) by a",
    "t | summarize n = count(), s = sum(c), da = count_distinct(a) by a, b % 5",
    "t | summarize n = count(), s = sum(b * 2 + c), ad = avg(a + b)",
    "t | join (t | summarize s = sum(b) by a) on a | summarize n = count(), ss = sum(s)",
    "t | sort by b desc, a | take 20",
    "t | extend pb = prev(b) over a order by c | where pb is not null | summarize n = count(), s = sum(pb)",
    "t | where a in (1, 2, 300, -128) | summarize n = count()",
  ]

  /// Every query gives the same cells and warnings over the narrowed table as over the 64-bit one,
  /// on one thread and in morsels on two.
  @Test func queriesGiveTheSameResultsNarrowAndWide() throws {
    let narrow = Self.table(narrow: true)
    let wide = Self.table(narrow: false)
    let widths = narrow.columns.map { column -> Int in
      if case .int64(let c) = column { return c.bitWidth }
      return 0
    }
    #expect(widths == [8, 16, 32, 64])
    for query in Self.queries {
      #expect(throws: Never.self, "\(query)") { _ = try Self.run(query, wide) }
      let (expected, expectedWarnings) = try Self.run(query, wide)
      for (rows, threads) in [(1 << 20, 1), (64, 2)] {
        let (actual, warnings) = try Self.run(query, narrow, morselRows: rows, threads: threads)
        #expect(MorselExecutionTests.cells(actual) == MorselExecutionTests.cells(expected), "\(query)")
        #expect(warnings == expectedWarnings, "\(query)")
      }
    }
  }

  /// Values worked out by hand on a few rows: comparisons with constants outside the stored
  /// range, arithmetic that leaves the stored range (computed in 64 bits), sums past Int32.
  @Test func comparisonsAndArithmeticOnNarrowColumnsMatchHandComputedValues() throws {
    let t = Table([
      ("a", TestColumns.ints([-128, 127, nil, 0])),
      ("b", TestColumns.ints([32_767, -32_768, 1, nil])),
      ("c", TestColumns.ints([Int64(Int32.max), Int64(Int32.max), Int64(Int32.min), 0])),
    ]).narrowed()
    func single(_ query: String) throws -> Value {
      let (result, _) = try Self.run(query, t)
      return result.columns[0].value(at: 0)
    }
    // a holds -128, 127, NULL, 0: nothing is above 127 or equal to 1000; three rows differ from 1000.
    #expect(try single("t | where a > 127 | summarize n = count()") == .int64(0))
    #expect(try single("t | where a >= -128 | summarize n = count()") == .int64(3))
    #expect(try single("t | where a != 1000 | summarize n = count()") == .int64(3))
    #expect(try single("t | where a < 200 | summarize n = count()") == .int64(3))
    #expect(try single("t | where b > -40000 | summarize n = count()") == .int64(3))
    #expect(try single("t | where c < 3000000000 | summarize n = count()") == .int64(4))
    // 127 * -32768 * 2 = -8,323,072 (outside 16 bits); 32767 + 1 = 32,768 (outside Int16).
    #expect(try single("t | where a == 127 | extend x = a * b * 2 | select x") == .int64(-8_323_072))
    #expect(try single("t | where b == 32767 | extend x = b + 1 | select x") == .int64(32_768))
    #expect(try single("t | where a == -128 | extend x = a - 1 | select x") == .int64(-129))
    // 2147483647 * 2 + (-2147483648) = 2147483646; sum past Int32.max.
    #expect(try single("t | summarize s = sum(c)") == .int64(2_147_483_646))
    #expect(try single("t | summarize s = sum(b)") == .int64(0))
    #expect(try single("t | summarize m = max(c) | extend s = m + 1 | select s") == .int64(2_147_483_648))
  }

  /// The binary cache stores each int column in its width and reads it back unchanged.
  @Test func cacheRoundTripKeepsWidthsAndValues() throws {
    let table = Self.table(narrow: true)
    let bytes = ColumnarFile.encode(table, fingerprint: 9)
    let decoded = try ColumnarFile.decode(bytes, expectedFingerprint: 9)
    #expect(decoded == table)
    let widths = decoded.columns.map { column -> Int in
      if case .int64(let c) = column { return c.bitWidth }
      return 0
    }
    #expect(widths == [8, 16, 32, 64])
    // A 64-bit table is written narrowed: the cache of a dataset is as compact as its load.
    let wide = try ColumnarFile.decode(ColumnarFile.encode(Self.table(narrow: false), fingerprint: 9), expectedFingerprint: 9)
    #expect(wide == table)
    // Values 3,000 × (1 + 2 + 4 + 8) = 45,000 bytes, null bits 3 × 47 words = 1,128, and a
    // header, names and width bytes under 200: all 64-bit would be 96,000 bytes of values.
    #expect(bytes.count > 45_000 + 1_128 && bytes.count < 45_000 + 1_128 + 200)
  }

  /// A version 1 file (64-bit ints, no width byte) is refused as unsupported, never misread; the
  /// dataset cache then parses the CSV again and rewrites it.
  @Test func anOldVersionCacheIsRefusedNotMisread() {
    var bytes = ColumnarFile.encode(Self.table(narrow: true), fingerprint: 9)
    bytes[8] = 1
    #expect(ColumnarFileTests.decodeError(ColumnarFileTests.resealed(bytes), fingerprint: 9) == .unsupportedVersion(1))
  }
}
