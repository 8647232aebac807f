import TrappeBase

extension HashJoin {
  /// Numbers the right side's distinct keys and looks the left keys up.
  ///
  /// When the right keys span a small range the id is the offset from the
  /// smallest key (an array lookup); otherwise ids come from a ``JoinHashTable``.
  static func factorize(_ left: JoinKeyColumn, _ right: JoinKeyColumn) -> JoinKeyIDs {
    var low = Int64.max
    var high = Int64.min
    var anyValid = false
    for i in 0..<right.values.count where right.valid[i] {
      let v = right.values[i]
      anyValid = true
      if v < low { low = v }
      if v > high { high = v }
    }
    guard anyValid else {
      return JoinKeyIDs(
        left: [Int32](repeating: -1, count: left.values.count),
        right: [Int32](repeating: -1, count: right.values.count), count: 0)
    }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    let denseLimit = Int64(max(right.values.count * 2, 1024))
    if !overflow && span < denseLimit && span < (1 << 28) {
      return JoinKeyIDs(
        left: denseIDs(left, low: low, high: high), right: denseIDs(right, low: low, high: high),
        count: Int(span) + 1)
    }
    var table = JoinHashTable(expected: right.values.count)
    var rightIDs = [Int32](repeating: -1, count: right.values.count)
    for i in 0..<right.values.count where right.valid[i] { rightIDs[i] = table.insert(right.values[i]) }
    return JoinKeyIDs(left: probe(left, in: table), right: rightIDs, count: table.count)
  }

  /// Rows per chunk of the left keys' lookups, which run on all threads.
  static let probeChunkRows = 1 << 15

  /// The id of every left key in `table` (-1 when absent or NULL): the table is only read, so
  /// chunks of rows look their keys up on all threads, each writing its own rows.
  private static func probe(_ left: JoinKeyColumn, in table: JoinHashTable) -> [Int32] {
    let n = left.values.count
    return [Int32](unsafeUninitializedCapacity: n) { buffer, initialized in
      left.values.withUnsafeBufferPointer { v in
        left.valid.withUnsafeBufferPointer { ok in
          Parallelism.forEachMorsel(Parallelism.morselCount(n, size: probeChunkRows)) { c in
            for i in (c * probeChunkRows)..<Swift.min(n, (c + 1) * probeChunkRows) {
              buffer[i] = ok[i] ? table.find(v[i]) : -1
            }
          }
        }
      }
      initialized = n
    }
  }

  /// `value - low` for valid values in `low...high`, else -1.
  private static func denseIDs(_ column: JoinKeyColumn, low: Int64, high: Int64) -> [Int32] {
    let n = column.values.count
    var ids = [Int32](repeating: -1, count: n)
    ids.withUnsafeMutableBufferPointer { out in
      column.values.withUnsafeBufferPointer { v in
        column.valid.withUnsafeBufferPointer { ok in
          for i in 0..<n where ok[i] {
            let x = v[i]
            if x >= low && x <= high { out[i] = Int32(truncatingIfNeeded: x &- low) }
          }
        }
      }
    }
    return ids
  }

  /// The ids of the key pair (a, b): `a * b.count + b`, renumbered.
  ///
  /// Both counts are below 2^31, so the product never overflows; renumbering keeps
  /// the next fold equally safe.
  static func combine(_ a: JoinKeyIDs, _ b: JoinKeyIDs) -> JoinKeyIDs {
    func fold(_ x: [Int32], _ y: [Int32]) -> JoinKeyColumn {
      var values = [Int64](repeating: 0, count: x.count)
      var valid = [Bool](repeating: false, count: x.count)
      let width = Int64(b.count)
      for i in 0..<x.count where x[i] >= 0 && y[i] >= 0 {
        values[i] = Int64(x[i]) * width + Int64(y[i])
        valid[i] = true
      }
      return JoinKeyColumn(values: values, valid: valid)
    }
    return factorize(fold(a.left, b.left), fold(a.right, b.right))
  }
}
