import Testing
@testable import TrappeBase
@testable import TrappeStorage
@testable import TrappeQuery

/// The dense slot numbering (``GroupIndex/dense(slots:digits:threads:minRows:)``) on one and
/// several threads against an independent first-appearance numbering of the key tuples.
@Suite struct DenseGroupIndexTests {
  /// Keys `a` in 0..<7 and `b` in -3..<20, NULL now and then; `sorted` puts the rows in key
  /// order, so later row ranges meet groups no earlier range had, in an order of their own.
  private func keys(_ n: Int, sorted: Bool) -> ([Int64?], [Int64?]) {
    var random = SeededGenerator(seed: 2008)
    var rows: [(Int64?, Int64?)] = (0..<n).map { _ in
      let a: Int64? = random.below(40) == 0 ? nil : Int64(random.below(7))
      let b: Int64? = random.below(60) == 0 ? nil : Int64(random.below(23) - 3)
      return (a, b)
    }
    if sorted { rows.sort { ($0.0 ?? 99, $0.1 ?? 99) < ($1.0 ?? 99, $1.1 ?? 99) } }
    return (rows.map(\.0), rows.map(\.1))
  }

  /// Each row's id and each id's first row, numbering the key pairs (their descriptions) in order
  /// of first appearance (``firstAppearance(_:)``, independent of the kernels).
  private func reference(_ a: [Int64?], _ b: [Int64?]) -> (groupOf: [Int32], firstRow: [Int32]) {
    firstAppearance(zip(a, b).map { "\(String(describing: $0))|\(String(describing: $1))" })
  }

  private func digit(_ raw: [Int64?], base: Int64, domain: Int) -> SlotDigit {
    SlotDigit(raw.map { $0 ?? 0 }, validity: .fromFlags(raw.map { $0 != nil }), base: base, domain: domain)
  }

  @Test(arguments: [false, true]) func rangesOnSeveralThreadsNumberAsOnePass(sorted: Bool) {
    let (a, b) = keys(5_000, sorted: sorted)
    let expected = reference(a, b)
    let digits = [digit(a, base: 0, domain: 7), digit(b, base: -3, domain: 23)]
    for threads in [1, 2, 3, 8] {
      let index = GroupIndex.dense(slots: 8 * 24, digits: digits, threads: threads, minRows: 1)
      #expect(index.groupCount == expected.firstRow.count, "\(threads) threads")
      #expect(index.firstRow == expected.firstRow, "\(threads) threads")
      let mismatch = index.groupOf.indices.first { index.groupOf[$0] != expected.groupOf[$0] }
      #expect(index.groupOf.count == a.count, "\(threads) threads")
      #expect(mismatch == nil, "\(threads) threads: first wrong row \(String(describing: mismatch))")
    }
  }

  /// Every range meets the same groups in the same order: no range needs its ids mapped.
  @Test func rangesThatMeetGroupsInTheSameOrder() {
    let a: [Int64?] = (0..<4_000).map { Int64($0 % 5) }
    let b: [Int64?] = (0..<4_000).map { $0 % 5 == 4 ? nil : 1 }
    let expected = reference(a, b)
    let index = GroupIndex.dense(
      slots: 6 * 2, digits: [digit(a, base: 0, domain: 5), digit(b, base: 1, domain: 1)], threads: 4, minRows: 1)
    #expect(index.groupOf == expected.groupOf)
    #expect(index.firstRow == expected.firstRow)
  }

  /// Through `build`: string, bool and int keys with NULLs, against the same reference.
  @Test func buildOfStringBoolAndIntKeysOnSeveralThreads() {
    let n = 3_000
    let names: [String?] = (0..<n).map { $0 % 11 == 0 ? nil : ["Aabenraa", "Gladsaxe", "Aarhus"][($0 / 7) % 3] }
    let flags: [Bool?] = (0..<n).map { $0 % 13 == 0 ? nil : ($0 / 100) % 2 == 0 }
    let counts: [Int64?] = (0..<n).map { Int64(($0 * 7) % 5) }
    let expected = firstAppearance(
      names.indices.map { "\(String(describing: names[$0]))|\(String(describing: flags[$0]))|\(String(describing: counts[$0]))" })
    let keys = [TestColumns.strings(names), EvaluationTestSupport.bools(flags), TestColumns.ints(counts)]
    for threads in [1, 2, 3] {
      Parallelism.setThreads(threads)
      defer { Parallelism.setThreads(0) }
      let index = GroupIndex.build(keys: keys)
      #expect(index.groupOf == expected.groupOf, "\(threads) threads")
      #expect(index.firstRow == expected.firstRow, "\(threads) threads")
    }
  }
}
