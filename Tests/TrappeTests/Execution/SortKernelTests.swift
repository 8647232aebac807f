import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct SortKernelTests {
  typealias C = TestColumns

  @Test func ascendingIsStableAndNullsLast() {
    let keys = C.ints([3, nil, 1, 3, 2, nil, 1])
    #expect(SortKernel.permutation(keys: [keys], descending: [false]) == [2, 6, 4, 0, 3, 1, 5])
  }

  /// 200,000 rows (past ``SortKernel/parallelMinRows``) of a wide key with many ties and NULLs,
  /// then a second key: on 1, 2 and 3 threads the radix passes count and scatter in row ranges,
  /// and the order must be the stable one computed here by comparing (key, row).
  @Test(arguments: [1, 2, 3]) func radixPassesOnSeveralThreadsKeepTheStableOrder(threads: Int) {
    #expect(200_000 >= SortKernel.parallelMinRows)
    Parallelism.setThreads(threads)
    defer { Parallelism.setThreads(0) }
    var state: UInt64 = 42
    var wide: [Int64?] = []
    var small: [Int64?] = []
    for row in 0..<200_000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      wide.append(row % 53 == 7 ? nil : Int64(state >> 40) * 1_000_003 - (1 << 35))
      small.append(Int64(state >> 61))
    }
    func before(_ a: Int64?, _ b: Int64?) -> Bool? {
      switch (a, b) {
      case (nil, nil): return nil
      case (nil, _): return false
      case (_, nil): return true
      case (let x?, let y?): return x == y ? nil : x < y
      }
    }
    let expected = (0..<wide.count).sorted { i, j in
      if let less = before(wide[i], wide[j]) { return less }
      if let less = before(small[j], small[i]) { return less }
      return i < j
    }.map(Int32.init)
    let order = SortKernel.permutation(keys: [C.ints(wide), C.ints(small)], descending: [false, true])
    // The first position that differs (a diff of two 200,000-row arrays would take minutes).
    let mismatch = order.indices.first { $0 >= expected.count || order[$0] != expected[$0] }
    #expect(order.count == expected.count)
    #expect(mismatch == nil)
  }

  /// Keys of three digits or more sort by their top digit first, then bucket by bucket
  /// (``SortKernel/topDigitFirstMinRows``). Two shapes that take the other ways through the
  /// buckets, each against the stable order computed here by comparing (key, row): one bucket
  /// holding 90 % of the rows (sorted 11 bits per pass), and buckets of a few rows (insertion sort).
  @Test(arguments: ["one big bucket", "small buckets"])
  func topDigitFirstKeepsTheStableOrder(shape: String) {
    let rows = 150_000
    #expect(rows >= SortKernel.topDigitFirstMinRows)
    var generator = SeededGenerator(seed: 7)
    var keys: [Int64?] = []
    for row in 0..<rows {
      let random = Int64(generator.next() >> 30)  // 34 bits
      if shape == "one big bucket" {
        keys.append(row % 10 == 0 ? random : random & 0xFFFFF)
      } else {
        keys.append(row % 97 == 0 ? nil : row % 4 == 0 ? (random >> 20) << 20 | Int64(row % 5) : Int64(row % 7))
      }
    }
    let expected = (0..<rows).sorted { i, j in
      switch (keys[i], keys[j]) {
      case (nil, nil): return i < j
      case (nil, _): return false
      case (_, nil): return true
      case (let a?, let b?): return a == b ? i < j : a < b
      }
    }.map(Int32.init)
    let order = SortKernel.permutation(keys: [C.ints(keys)], descending: [false])
    let mismatch = order.indices.first { $0 >= expected.count || order[$0] != expected[$0] }
    #expect(order.count == expected.count)
    #expect(mismatch == nil)
  }

  /// A word whose keys all share their top digit (here: a width wider than the keys): the top
  /// pass is skipped and the bits below it are sorted as the whole key.
  @Test func topDigitSharedByAllKeysSortsTheBitsBelow() {
    var generator = SeededGenerator(seed: 9)
    let keys = (0..<100_000).map { _ in generator.next() >> 40 }  // 24 bits, under a 40-bit width
    let expected = keys.indices.sorted { keys[$0] == keys[$1] ? $0 < $1 : keys[$0] < keys[$1] }.map(Int32.init)
    let order = SortKernel.sortedRows(words: [SortWord(keys: keys, bitWidth: 40)], count: keys.count)
    let mismatch = order.indices.first { order[$0] != expected[$0] }
    #expect(order.count == expected.count)
    #expect(mismatch == nil)
  }

  @Test func descendingKeepsNullsLastAndStability() {
    let keys = C.ints([3, nil, 1, 3, 2, nil, 1])
    #expect(SortKernel.permutation(keys: [keys], descending: [true]) == [0, 3, 4, 2, 6, 1, 5])
  }

  @Test func extremeIntegersWithNulls() {
    let keys = C.ints([Int64.max, nil, Int64.min, 0, -1])
    #expect(SortKernel.permutation(keys: [keys], descending: [false]) == [2, 4, 3, 0, 1])
    #expect(SortKernel.permutation(keys: [keys], descending: [true]) == [0, 3, 4, 2, 1])
  }

  @Test func multiKeyMixesDirections() {
    let a = C.strings(["x", "y", "x", "y", nil, "x"])
    let b = C.ints([1, 2, 3, 2, 9, 3])
    #expect(SortKernel.permutation(keys: [a, b], descending: [false, true]) == [2, 5, 0, 1, 3, 4])
  }

  @Test func stringsInDanishOrder() {
    let keys = C.strings(["å", "z", "æ", "a", "Ø", "B"])
    let order = SortKernel.permutation(keys: [keys], descending: [false])
    let sorted = order.map { keys.value(at: Int($0)).description }
    #expect(sorted == ["a", "B", "z", "æ", "Ø", "å"])
  }

  @Test func danishOrderDetails() {
    let dictionary = ["b", "B", "ä", "æ", "ö", "10", "Aa", "a", "ø", "9x", "a b", "zz"]
    let ranks = DanishCollation.rank(of: dictionary)
    let sorted = dictionary.indices.sorted { ranks[$0] < ranks[$1] }.map { dictionary[$0] }
    #expect(sorted == ["10", "9x", "a", "a b", "Aa", "B", "b", "zz", "ä", "æ", "ö", "ø"])
    #expect(Set(ranks).count == dictionary.count)
  }

  @Test func doublesWithNegativesNaNAndNull() {
    let keys = C.doubles([2.5, -1, .nan, nil, -0.0, 0.0, -.infinity, 1e300])
    #expect(SortKernel.permutation(keys: [keys], descending: [false]) == [6, 1, 4, 5, 0, 7, 2, 3])
    #expect(SortKernel.permutation(keys: [keys], descending: [true]) == [7, 0, 4, 5, 1, 6, 2, 3])
  }

  @Test func periodsAndBools() {
    let periods = C.years([2010, 2008, nil, 2009])
    #expect(SortKernel.permutation(keys: [periods], descending: [false]) == [1, 3, 0, 2])
    let bools = Column.bool(BoolColumn([true, false, true, false]))
    #expect(SortKernel.permutation(keys: [bools], descending: [false]) == [1, 3, 0, 2])
  }

  @Test func emptyAndNoKeys() {
    #expect(SortKernel.permutation(keys: [C.ints([])], descending: [false]).isEmpty)
    #expect(SortKernel.permutation(keys: [], descending: []).isEmpty)
    #expect(SortKernel.permutation(keys: [C.ints([5, 5, 5])], descending: [false]) == [0, 1, 2])
  }

  /// Stable reference sort through boxed comparisons.
  private func reference(_ a: [Int64?], _ b: [Double]) -> [Int32] {
    let idx = Array(0..<a.count)
    return idx.sorted { x, y in
      switch (a[x], a[y]) {
      case (nil, nil): break
      case (nil, _): return false
      case (_, nil): return true
      case (let p?, let q?): if p != q { return p < q }
      }
      if b[x] != b[y] { return b[x] > b[y] }
      return x < y
    }.map { Int32($0) }
  }

  @Test func randomMultiKeyMatchesReference() {
    var rng = SeededGenerator(seed: 7)
    for n in [0, 1, 5, 31, 33, 1000, 5000] {
      let a: [Int64?] = (0..<n).map { _ in Int.random(in: 0..<10, using: &rng) == 0 ? nil : Int64.random(in: -50...50, using: &rng) }
      let b: [Double] = (0..<n).map { _ in Double(Int.random(in: -5...5, using: &rng)) * 1.5 }
      let got = SortKernel.permutation(keys: [C.ints(a), C.doubles(b)], descending: [false, true])
      #expect(got == reference(a, b))
    }
  }

  @Test func topNEqualsPrefixOfFullSort() {
    var rng = SeededGenerator(seed: 42)
    let n = 3000
    let a: [Int64?] = (0..<n).map { _ in Int.random(in: 0..<20, using: &rng) == 0 ? nil : Int64.random(in: 0..<100, using: &rng) }
    let s: [String?] = (0..<n).map { _ in ["Aarhus", "Ærø", "Odense", "Ålborg", nil][Int.random(in: 0..<5, using: &rng)] }
    let wide: [Int64?] = (0..<n).map { _ in Int64.random(in: Int64.min...Int64.max, using: &rng) }
    let cases: [([Column], [Bool])] = [
      ([C.ints(a)], [false]), ([C.ints(a)], [true]), ([C.strings(s), C.ints(a)], [true, false]),
      ([C.ints(wide)], [false]), ([C.strings(s), C.ints(wide)], [false, true]),
    ]
    for (keys, desc) in cases {
      let full = SortKernel.permutation(keys: keys, descending: desc)
      for limit in [0, 1, 7, 100, 1499, 1500, 2999, 3000, 5000] {
        let top = SortKernel.permutation(keys: keys, descending: desc, limit: limit)
        #expect(top == Array(full.prefix(limit)), "limit \(limit)")
      }
    }
  }

  /// One key column and an independent comparison of two of its rows (<0, 0, >0) under the
  /// documented rules: NULL last in both directions, NaN after every number and before NULL
  /// in both directions, -0.0 equal to 0.0, strings by their Danish collation rank.
  private struct ReferenceKey {
    var column: Column
    var compare: (Int, Int) -> Int
  }

  /// An int column stored in its narrowest width.
  private static func narrowed(_ values: [Int64?]) -> Column {
    guard case .int64(let c) = TestColumns.ints(values) else { return TestColumns.ints(values) }
    return .int64(c.narrowed())
  }

  private static func compareOptional<T>(_ a: T?, _ b: T?, desc: Bool, _ less: (T, T) -> Bool, nan: (T) -> Bool) -> Int {
    switch (a, b) {
    case (nil, nil): return 0
    case (nil, _): return 1
    case (_, nil): return -1
    case (let x?, let y?):
      if nan(x) || nan(y) { return nan(x) && nan(y) ? 0 : (nan(x) ? 1 : -1) }
      if less(x, y) { return desc ? 1 : -1 }
      if less(y, x) { return desc ? -1 : 1 }
      return 0
    }
  }

  /// Random key columns of every kind, narrow ints, full-range ints with NULLs (two parts), doubles
  /// with NaN, -0.0 and infinities, strings with NULLs; the top N (heap over chunks of rows)
  /// and the full sort must both give the order of a plain stable sort by the reference rules.
  @Test func keysOfEveryKindMatchReference() {
    var rng = SeededGenerator(seed: 99)
    let n = 5000  // more than two of top-N's chunks of rows
    func maybe<T>(_ value: T, nulls: Bool) -> T? { nulls && Int.random(in: 0..<8, using: &rng) == 0 ? nil : value }
    var keys: [(Bool) -> ReferenceKey] = []
    let small: [Int64?] = (0..<n).map { _ in maybe(Int64.random(in: -3...3, using: &rng), nulls: true) }
    keys.append { desc in
      ReferenceKey(column: Self.narrowed(small)) { a, b in
        Self.compareOptional(small[a], small[b], desc: desc, <, nan: { _ in false })
      }
    }
    let medium: [Int64?] = (0..<n).map { _ in maybe(Int64.random(in: -40_000...40_000, using: &rng), nulls: false) }
    keys.append { desc in
      ReferenceKey(column: Self.narrowed(medium)) { a, b in
        Self.compareOptional(medium[a], medium[b], desc: desc, <, nan: { _ in false })
      }
    }
    let wide: [Int64?] = (0..<n).map { i in
      maybe(i % 5 == 0 ? [Int64.min, Int64.max, 0][i % 3] : Int64.random(in: Int64.min...Int64.max, using: &rng), nulls: true)
    }
    keys.append { desc in
      ReferenceKey(column: TestColumns.ints(wide)) { a, b in
        Self.compareOptional(wide[a], wide[b], desc: desc, <, nan: { _ in false })
      }
    }
    let specials: [Double] = [.nan, -0.0, 0.0, .infinity, -.infinity, 1.5, -1.5]
    let doubles: [Double?] = (0..<n).map { _ in
      maybe(Int.random(in: 0..<3, using: &rng) == 0 ? specials.randomElement(using: &rng)! : Double(Int.random(in: -9...9, using: &rng)) / 4, nulls: true)
    }
    keys.append { desc in
      ReferenceKey(column: TestColumns.doubles(doubles)) { a, b in
        Self.compareOptional(doubles[a], doubles[b], desc: desc, <, nan: { $0.isNaN })
      }
    }
    let names = ["Aabenraa", "Ærø", "Odense", "Ålborg", "aarhus", "Østerbro", "Gladsaxe"]
    let strings: [String?] = (0..<n).map { _ in maybe(names.randomElement(using: &rng)!, nulls: true) }
    let ranks = Dictionary(uniqueKeysWithValues: zip(names, DanishCollation.rank(of: names)))
    keys.append { desc in
      ReferenceKey(column: TestColumns.strings(strings)) { a, b in
        Self.compareOptional(strings[a].map { ranks[$0]! }, strings[b].map { ranks[$0]! }, desc: desc, <, nan: { _ in false })
      }
    }
    let combinations: [[(Int, Bool)]] = [
      [(0, false)], [(0, true)], [(2, false)], [(2, true)], [(3, false)], [(3, true)], [(4, true)],
      [(0, false), (1, true)], [(4, false), (3, true), (0, false)], [(2, true), (0, false)], [(1, false), (2, false)],
      [(3, true), (2, false), (4, true)],
    ]
    for combination in combinations {
      let chosen = combination.map { keys[$0.0]($0.1) }
      let expected = (0..<n).sorted { a, b in
        for key in chosen {
          let c = key.compare(a, b)
          if c != 0 { return c < 0 }
        }
        return a < b
      }.map { Int32($0) }
      let columns = chosen.map(\.column)
      let desc = combination.map(\.1)
      #expect(SortKernel.permutation(keys: columns, descending: desc) == expected, "\(combination)")
      for limit in [1, 10, 2047, 2048, 2049] {
        let top = SortKernel.permutation(keys: columns, descending: desc, limit: limit)
        #expect(top == Array(expected.prefix(limit)), "\(combination) limit \(limit)")
      }
    }
  }

  @Test func millionRowSortIsOrderedAndStable() {
    var rng = SeededGenerator(seed: 1)
    let n = 1_000_000
    var values = [Int64](repeating: 0, count: n)
    for i in 0..<n { values[i] = Int64.random(in: -1_000_000_000...1_000_000_000, using: &rng) / 1000 }
    let perm = SortKernel.permutation(keys: [.int64(Int64Column(values))], descending: [false])
    #expect(perm.count == n)
    var ok = true
    var seen = [Bool](repeating: false, count: n)
    for p in 0..<n {
      let row = Int(perm[p])
      if seen[row] { ok = false }
      seen[row] = true
      if p > 0 {
        let prev = Int(perm[p - 1])
        if values[prev] > values[row] || (values[prev] == values[row] && prev > row) { ok = false }
      }
    }
    #expect(ok)
  }
}
