import TrappeBase
import TrappeStorage

/// The hash join in morsels of left rows: the right side is grouped once, the left rows look up
/// their key ids and make their row pairs morsel by morsel on up to ``Parallelism/threads``
/// threads, and the pairs are put together in morsel order: the same pairs, in the same order
/// (left row, then right row), as ``HashJoin/index(left:right:)`` and ``JoinIndex/pairs(_:)``.
extension HashJoin {
  /// ``index(left:right:)`` with the left side looked up morsel by morsel; nil when it takes the
  /// one-pass path: one morsel of left rows, or a right side of more than a quarter of a morsel
  /// (every morsel encodes the right keys again, which pays only while they are few).
  ///
  /// Right key ids depend on the right keys alone (a dense range or a hash table filled from
  /// them), so every morsel numbers the right side the same way; the first morsel's right ids
  /// group the right rows, and a morsel that disagrees sends the join back to one pass.
  static func indexInMorsels(left: [Column], right: [Column], morselRows: Int, threads: Int?) -> JoinIndex? {
    let leftCount = left.first?.count ?? 0
    let rightCount = right.first?.count ?? 0
    guard !left.isEmpty, Morsels.applies(to: leftCount, size: morselRows), rightCount * 4 <= morselRows else {
      return nil
    }
    let ranges = Morsels.ranges(leftCount, size: morselRows)
    let parts = Morsels.map(ranges, threads: threads) { _, range -> JoinKeyIDs in
      var ids: JoinKeyIDs?
      for (l, r) in zip(left, right) {
        let (lk, rk) = keyColumns(l.morsel(range), r)
        let next = factorize(lk, rk)
        ids = ids.map { combine($0, next) } ?? next
      }
      return ids ?? JoinKeyIDs(left: [], right: [], count: 0)
    }
    var leftIDs: [Int32] = []
    leftIDs.reserveCapacity(leftCount)
    guard let first = parts.first ?? nil else { return nil }
    for part in parts {
      guard let part else { return nil }  // Ctrl-C: the caller reads the flag
      guard part.count == first.count, part.right == first.right else { return nil }
      leftIDs += part.left
    }
    return JoinIndex(JoinKeyIDs(left: leftIDs, right: first.right, count: first.count))
  }
}

extension JoinIndex {
  /// ``pairs(_:)`` morsel by morsel of left rows: each morsel counts its pairs, then fills its
  /// own stretch of the output, so the pairs and their order are those of ``pairs(_:)``.
  /// Stops with ``ExecutionStop/interrupted`` on Ctrl-C (read between morsels and, inside one,
  /// every ``pollInterval`` left rows plus pairs).
  func pairsInMorsels(_ kind: JoinKind, morselRows: Int, threads: Int?) throws(ExecutionStop) -> (
    left: [Int32], right: [Int32]
  ) {
    guard Morsels.applies(to: leftIDs.count, size: morselRows) else { return try pairs(kind) }
    let ranges = Morsels.ranges(leftIDs.count, size: morselRows)
    let counts = Morsels.map(ranges, threads: threads) { _, range -> Int in
      outputRows(kind, leftRows: range)
    }
    var offsets: [Int] = []
    var total = 0
    for count in counts {
      guard let count else { throw .interrupted }
      offsets.append(total)
      total += count
    }
    var outLeft = [Int32](repeating: 0, count: total)
    var outRight = [Int32](repeating: 0, count: total)
    outLeft.withUnsafeMutableBufferPointer { olBuffer in
      outRight.withUnsafeMutableBufferPointer { orBuffer in
        let ol = olBuffer
        let or = orBuffer
        // A morsel stopped by Ctrl-C leaves its stretch unfilled: the flag is read below.
        _ = Morsels.map(ranges, threads: threads) { m, range -> Bool in
          writePairs(kind, leftRows: range, into: ol, or, from: offsets[m])
        }
      }
    }
    try Interrupt.check()
    return (outLeft, outRight)
  }
}

extension Column {
  /// ``gather(_:)`` in morsels of `indices` on up to `threads` threads (one pass for one morsel);
  /// the same column. Morsels are skipped after Ctrl-C; the caller reads the flag afterwards.
  func gatherInMorsels(_ indices: [Int32], morselRows: Int, threads: Int?) -> Column {
    guard Morsels.applies(to: indices.count, size: morselRows) else { return gather(indices) }
    let ranges = Morsels.ranges(indices.count, size: morselRows)
    let parts = Morsels.map(ranges, threads: threads) { _, range in gather(Array(indices[range])) }
    var columns: [Column] = []
    for part in parts {
      guard let part else { return .nulls(type, count: indices.count) }
      columns.append(part)
    }
    return Column.joinedMorsels(columns) ?? gather(indices)
  }
}
