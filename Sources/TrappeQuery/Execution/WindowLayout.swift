import TrappeBase
import TrappeStorage

/// Rows arranged for window functions: sorted by (partition keys, order keys), with boundaries.
struct WindowLayout {
  /// Row indices in partition-then-order sequence (stable: ties keep row order).
  var rows: [Int32]
  /// The position in ``rows`` where each partition starts, followed by the row count.
  var partitionStarts: [Int]
  /// For each position: whether its order keys differ from the previous position's
  /// (always true at a partition start). Empty unless requested.
  var peerStarts: [Bool]

  /// The number of rows.
  var count: Int { rows.count }

  /// Sorts the rows and finds partition (and, when `peers`, tie) boundaries.
  ///
  /// Rows whose partition keys are all equal form a partition; NULL equals NULL
  /// here, so the rows with a NULL key form one partition of their own.
  init(count n: Int, partition: [Column], order: [Column], descending: [Bool], peers: Bool) {
    var partitionComponents: [SortKeyComponent] = []
    for column in partition { partitionComponents += SortKeys.components(column, descending: false) }
    var orderComponents: [SortKeyComponent] = []
    for (index, column) in order.enumerated() {
      let desc = index < descending.count ? descending[index] : false
      orderComponents += SortKeys.components(column, descending: desc)
    }
    let words = SortKernel.packed(partitionComponents + orderComponents, count: n)
    if words.count == 1, let word = words.first {
      // One word holds the partition keys above the order keys: sorted with its keys, where a
      // partition starts is where the bits above the order keys change, and where a peer group
      // starts is where the word changes, found by comparing neighbours in order.
      let (rows, sorted) = SortKernel.sortedRowsAndKeys(word: word, count: n)
      let orderBits = orderComponents.reduce(0) { $0 + $1.bitWidth }
      self.rows = rows
      self.partitionStarts = WindowLayout.starts(sorted, shift: UInt64(orderBits))
      self.peerStarts = peers ? WindowLayout.peerStarts(sorted) : []
      return
    }
    let rows = SortKernel.sortedRows(words: words, count: n)
    var newPartition = [Bool](repeating: false, count: n)
    if n > 0 { newPartition[0] = true }
    WindowLayout.markChanges(partitionComponents, rows: rows, into: &newPartition)
    var starts: [Int] = []
    for p in 0..<n where newPartition[p] { starts.append(p) }
    starts.append(n)
    self.rows = rows
    self.partitionStarts = starts
    if peers {
      var newPeer = newPartition
      WindowLayout.markChanges(orderComponents, rows: rows, into: &newPeer)
      self.peerStarts = newPeer
    } else {
      self.peerStarts = []
    }
  }

  /// The positions where `sorted >> shift` changes (0 first), then the count: partition starts
  /// from sorted keys whose low `shift` bits are the order keys (a shift of 64 or more: one partition).
  private static func starts(_ sorted: [UInt64], shift: UInt64) -> [Int] {
    let n = sorted.count
    var starts: [Int] = n > 0 ? [0] : []
    sorted.withUnsafeBufferPointer { k in
      guard n > 1 else { return }
      var previous = k[0] >> shift
      for p in 1..<n {
        let key = k[p] >> shift
        if key != previous { starts.append(p) }
        previous = key
      }
    }
    starts.append(n)
    return starts
  }

  /// For each position of sorted keys: whether it differs from the previous one (true first).
  private static func peerStarts(_ sorted: [UInt64]) -> [Bool] {
    let n = sorted.count
    return [Bool](unsafeUninitializedCapacity: n) { buffer, initialized in
      sorted.withUnsafeBufferPointer { k in
        for p in 0..<n { buffer[p] = p == 0 || k[p] != k[p &- 1] }
      }
      initialized = n
    }
  }

  /// Sets `marks[p]` where any component's key differs between positions p - 1 and p. The keys
  /// are read in sorted order, all over the array: the key of the position ``prefetchDistance``
  /// ahead is prefetched, so the misses overlap.
  private static func markChanges(_ components: [SortKeyComponent], rows: [Int32], into marks: inout [Bool]) {
    let n = rows.count
    if n < 2 { return }
    let ahead = Swift.max(0, n - prefetchDistance)
    for component in components where component.maxKey > 0 {
      marks.withUnsafeMutableBufferPointer { m in
        rows.withUnsafeBufferPointer { r in
          component.keys.withUnsafeBufferPointer { k in
            let base = k.baseAddress!
            var previous = k[Int(r[0])]
            for p in 1..<n {
              if p < ahead { prefetch(base + Int(r[p &+ prefetchDistance])) }
              let key = k[Int(r[p])]
              if key != previous { m[p] = true }
              previous = key
            }
          }
        }
      }
    }
  }

  /// For each row (in original order): the row `delta` positions later in its
  /// partition's order, or -1 past either edge. Negative `delta` looks back.
  func shiftedRows(by delta: Int) -> [Int32] {
    var out = [Int32](repeating: -1, count: count)
    for k in 0..<(partitionStarts.count - 1) {
      let start = partitionStarts[k]
      let end = partitionStarts[k + 1]
      for p in start..<end {
        let target = p + delta
        if target >= start && target < end { out[Int(rows[p])] = rows[target] }
      }
    }
    return out
  }
}
