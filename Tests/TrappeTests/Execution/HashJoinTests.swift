import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeIO
@testable import TrappeQuery
@testable import TrappeAnalysis
@testable import TrappeCharts
@testable import TrappeDatasets
@testable import TrappeShell

@Suite struct HashJoinTests {
  typealias C = TestColumns

  /// Boxed nested-loop join, the reference.
  private func reference(_ left: [[Value]], _ right: [[Value]], kind: JoinKind) -> ([Int32], [Int32]) {
    var l: [Int32] = []
    var r: [Int32] = []
    let nl = left.first?.count ?? 0
    let nr = right.first?.count ?? 0
    for i in 0..<nl {
      var matched = false
      for j in 0..<nr {
        var equal = true
        for k in left.indices {
          let a = left[k][i]
          let b = right[k][j]
          if a.isNull || b.isNull || a != b { equal = false }
        }
        if equal {
          matched = true
          if kind != .anti {
            l.append(Int32(i))
            r.append(Int32(j))
          }
        }
      }
      if !matched && kind != .inner {
        l.append(Int32(i))
        r.append(-1)
      }
    }
    return (l, r)
  }

  @Test func innerLeftAntiWithDuplicatesAndNulls() throws {
    let left = C.ints([1, 2, nil, 1, 3, 4])
    let right = C.ints([1, 1, 3, nil, 5, 3])
    let inner = try HashJoin.match(left: [left], right: [right], kind: .inner)
    #expect(inner.left == [0, 0, 3, 3, 4, 4])
    #expect(inner.right == [0, 1, 0, 1, 2, 5])
    let outer = try HashJoin.match(left: [left], right: [right], kind: .left)
    #expect(outer.left == [0, 0, 1, 2, 3, 3, 4, 4, 5])
    #expect(outer.right == [0, 1, -1, -1, 0, 1, 2, 5, -1])
    let anti = try HashJoin.match(left: [left], right: [right], kind: .anti)
    #expect(anti.left == [1, 2, 5])
    #expect(anti.right == [-1, -1, -1])
  }

  @Test func stringsFromDifferentDictionaries() throws {
    let left = C.strings(["Aarhus", "Ærø", nil, "Odense", "Aarhus", "Køge"])
    let right = C.strings(["Odense", "Aarhus", "Vejle", nil, "Ærø", "Odense"])
    for kind in JoinKind.allCases {
      let got = try HashJoin.match(left: [left], right: [right], kind: kind)
      let want = reference([C.values(left)], [C.values(right)], kind: kind)
      #expect(got.left == want.0 && got.right == want.1, "\(kind)")
    }
    let inner = try HashJoin.match(left: [left], right: [right], kind: .inner)
    #expect(inner.left == [0, 1, 3, 3, 4])
    #expect(inner.right == [1, 4, 0, 5, 1])
    // The larger dictionary on the left exercises the other translation direction.
    let bigLeft = C.strings(["x", "y", "Odense", "z", "Vejle", "w", "v", "u"])
    let got = try HashJoin.match(left: [bigLeft], right: [right], kind: .inner)
    #expect(got.left == [2, 2, 4] && got.right == [0, 5, 2])
  }

  @Test func twoKeys() throws {
    let l1 = C.ints([1, 1, 2, 2, nil])
    let l2 = C.strings(["a", "b", "a", "b", "a"])
    let r1 = C.ints([2, 1, 1, 2, 1])
    let r2 = C.strings(["b", "b", "a", nil, "b"])
    let got = try HashJoin.match(left: [l1, l2], right: [r1, r2], kind: .left)
    #expect(got.left == [0, 1, 1, 2, 3, 4])
    #expect(got.right == [2, 1, 4, -1, 0, -1])
  }

  @Test func intAgainstDoubleKeys() throws {
    let left = C.ints([1, 2, 3, nil])
    let right = C.doubles([2.0, 2.5, 1.0, .nan, -0.0])
    let got = try HashJoin.match(left: [left], right: [right], kind: .inner)
    #expect(got.left == [0, 1] && got.right == [2, 0])
    let zero = try HashJoin.match(left: [C.doubles([0.0])], right: [right], kind: .inner)
    #expect(zero.right == [4])
    let nan = try HashJoin.match(left: [C.doubles([.nan])], right: [right], kind: .inner)
    #expect(nan.left.isEmpty)
  }

  @Test func wideAndSparseKeysUseHashing() throws {
    let left = C.ints([Int64.min, 5, 1 << 40, Int64.max, 7])
    let right = C.ints([Int64.max, 1 << 40, Int64.min, 1 << 40])
    let got = try HashJoin.match(left: [left], right: [right], kind: .left)
    #expect(got.left == [0, 1, 2, 2, 3, 4])
    #expect(got.right == [2, -1, 1, 3, 0, -1])
  }

  @Test func periodsAndIncompatibleKeys() throws {
    let got = try HashJoin.match(left: [C.years([2008, 2009, nil])], right: [C.years([2009, nil])], kind: .inner)
    #expect(got.left == [1] && got.right == [0])
    let mismatch = try HashJoin.match(left: [C.ints([1])], right: [C.strings(["1"])], kind: .anti)
    #expect(mismatch.left == [0] && mismatch.right == [-1])
  }

  @Test func randomMultiKeyMatchesReference() throws {
    var rng = SeededGenerator(seed: 3)
    for _ in 0..<5 {
      let nl = Int.random(in: 0..<60, using: &rng)
      let nr = Int.random(in: 0..<60, using: &rng)
      func ints(_ n: Int) -> [Int64?] {
        (0..<n).map { _ in Int.random(in: 0..<8, using: &rng) == 0 ? nil : Int64.random(in: 0..<4, using: &rng) * 1_000_000_007 }
      }
      func strings(_ n: Int) -> [String?] {
        (0..<n).map { _ in ["a", "b", "c", nil][Int.random(in: 0..<4, using: &rng)] }
      }
      let left = [C.ints(ints(nl)), C.strings(strings(nl)), C.ints(ints(nl))]
      let right = [C.ints(ints(nr)), C.strings(strings(nr)), C.ints(ints(nr))]
      for kind in JoinKind.allCases {
        let got = try HashJoin.match(left: left, right: right, kind: kind)
        let want = reference(left.map(C.values), right.map(C.values), kind: kind)
        #expect(got.left == want.0 && got.right == want.1)
      }
    }
  }

  /// The left keys are looked up in chunks on all threads (``HashJoin/probeChunkRows``): on 1, 2
  /// and 3 threads every left row of 100,000 (sparse keys, NULLs, keys the right side lacks)
  /// gets the id its key has on the right, computed here with a dictionary.
  @Test(arguments: [1, 2, 3]) func leftKeysLookedUpOnSeveralThreads(threads: Int) {
    #expect(100_000 > 2 * HashJoin.probeChunkRows)
    Parallelism.setThreads(threads)
    defer { Parallelism.setThreads(0) }
    var rng = SeededGenerator(seed: 5)
    let rightKeys = (0..<5_000).map { _ in Int64.random(in: 0..<(1 << 40), using: &rng) }
    let leftKeys = (0..<100_000).map { i in i % 3 == 0 ? Int64.random(in: 0..<(1 << 40), using: &rng) : rightKeys[i % 5_000] }
    let leftValid = (0..<100_000).map { $0 % 11 != 4 }
    let ids = HashJoin.factorize(
      JoinKeyColumn(values: leftKeys, valid: leftValid),
      JoinKeyColumn(values: rightKeys, valid: [Bool](repeating: true, count: rightKeys.count)))
    var idOf: [Int64: Int32] = [:]
    for (row, key) in rightKeys.enumerated() { idOf[key] = ids.right[row] }
    let expected = leftKeys.indices.map { leftValid[$0] ? idOf[leftKeys[$0]] ?? -1 : -1 }
    let mismatch = expected.indices.first { ids.left[$0] != expected[$0] }
    #expect(ids.left.count == expected.count)
    #expect(mismatch == nil)
    #expect(expected.contains { $0 >= 0 } && expected.contains(-1))
  }

  @Test func millionRowJoin() throws {
    let n = 1_000_000
    var keys = [Int64](repeating: 0, count: n)
    var rng = SeededGenerator(seed: 11)
    for i in 0..<n { keys[i] = Int64.random(in: 0..<200, using: &rng) * 7 }
    let lookup = Column.int64(Int64Column((0..<100).map { Int64($0) * 14 }))
    let got = try HashJoin.match(left: [.int64(Int64Column(keys))], right: [lookup], kind: .left)
    #expect(got.left.count == n)
    var ok = true
    for p in 0..<n {
      if got.left[p] != Int32(p) { ok = false; break }
      let k = keys[p]
      let expected: Int32 = k % 14 == 0 ? Int32(k / 14) : -1
      if got.right[p] != expected { ok = false; break }
    }
    #expect(ok)
    // A unique-key self join through the hash table path.
    let wide = Column.int64(Int64Column((0..<n).map { Int64($0) &* 2_654_435_761 }))
    let reversed = wide.gather((0..<Int32(n)).reversed())
    let pairs = try HashJoin.match(left: [wide], right: [reversed], kind: .inner)
    #expect(pairs.left.count == n)
    #expect(zip(pairs.left, pairs.right).allSatisfy { $0 + $1 == Int32(n - 1) })
  }
}
