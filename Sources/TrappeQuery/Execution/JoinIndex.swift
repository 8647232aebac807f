import TrappeBase

/// The right side of a hash join grouped by key id (a counting sort), and the left rows' ids.
///
/// The number of output rows is known exactly from the group sizes before any pair is
/// produced, so the executor can check the memory budget first and then fill arrays of
/// exactly that size.
struct JoinIndex {
  /// The key id of every left row (-1: no match possible).
  let leftIDs: [Int32]
  /// Group `g`'s right rows are `rows[start[g]..<start[g + 1]]`.
  let start: [Int32]
  /// Right row numbers, grouped by key id, in row order within a group.
  let rows: [Int32]

  init(_ ids: JoinKeyIDs) {
    let groups = ids.count
    var start = [Int32](repeating: 0, count: groups + 1)
    for id in ids.right where id >= 0 { start[Int(id) + 1] += 1 }
    for g in 0..<groups { start[g + 1] += start[g] }
    var fill = start
    var rows = [Int32](repeating: 0, count: Int(start[groups]))
    for (r, id) in ids.right.enumerated() where id >= 0 {
      rows[Int(fill[Int(id)])] = Int32(truncatingIfNeeded: r)
      fill[Int(id)] += 1
    }
    self.leftIDs = ids.left
    self.start = start
    self.rows = rows
  }

  /// The number of right rows left row `l` matches.
  @inline(__always)
  private func matches(_ s: UnsafeBufferPointer<Int32>, _ id: Int32) -> Int {
    id >= 0 ? Int(s[Int(id) + 1] &- s[Int(id)]) : 0
  }

  /// The exact number of row pairs ``pairs(_:)`` returns for `kind` (at most 2^62, no overflow).
  func outputRows(_ kind: JoinKind) -> Int { outputRows(kind, leftRows: 0..<leftIDs.count) }

  /// The number of row pairs the left rows `range` give for `kind` (one morsel's share of ``outputRows(_:)``).
  func outputRows(_ kind: JoinKind, leftRows range: Range<Int>) -> Int {
    var total = 0
    start.withUnsafeBufferPointer { s in
      leftIDs.withUnsafeBufferPointer { lid in
        for l in range {
          let n = matches(s, lid[l])
          switch kind {
          case .inner: total &+= n
          case .left: total &+= max(n, 1)
          case .anti: total &+= n == 0 ? 1 : 0
          }
        }
      }
    }
    return total
  }

  /// The matching row pairs: inner and left in left row order, then right row order (a left
  /// row without a match gives `(row, -1)` in a left join); anti gives the unmatched left rows
  /// with -1.
  ///
  /// Stops with ``ExecutionStop/interrupted`` on Ctrl-C: the flag is read every
  /// ``pollInterval`` left rows plus output pairs (a few ms of work).
  func pairs(_ kind: JoinKind) throws(ExecutionStop) -> (left: [Int32], right: [Int32]) {
    let total = outputRows(kind)
    var outLeft = [Int32](repeating: 0, count: total)
    var outRight = [Int32](repeating: 0, count: total)
    let completed = outLeft.withUnsafeMutableBufferPointer { ol in
      outRight.withUnsafeMutableBufferPointer { or in
        writePairs(kind, leftRows: 0..<leftIDs.count, into: ol, or, from: 0)
      }
    }
    if !completed { throw .interrupted }
    return (outLeft, outRight)
  }

  /// Writes the pairs of the left rows `range` into `ol`/`or` from position `out` on, in the order
  /// of ``pairs(_:)``; false when Ctrl-C stopped it. The flag is read every ``pollInterval``
  /// left rows plus pairs: a many-to-many join can give millions of pairs per row range.
  func writePairs(
    _ kind: JoinKind, leftRows range: Range<Int>, into ol: UnsafeMutableBufferPointer<Int32>,
    _ or: UnsafeMutableBufferPointer<Int32>, from first: Int
  ) -> Bool {
    start.withUnsafeBufferPointer { s in
      rows.withUnsafeBufferPointer { rs in
        leftIDs.withUnsafeBufferPointer { lid in
          var out = first
          // Work done since the flag was last read: one per left row and one per pair.
          var work = 0
          for l in range {
            if work >= JoinIndex.pollInterval {
              if Interrupt.isRequested { return false }
              work = 0
            }
            work &+= 1
            let id = lid[l]
            let row = Int32(truncatingIfNeeded: l)
            let n = matches(s, id)
            if n == 0 {
              if kind != .inner {
                ol[out] = row
                or[out] = -1
                out += 1
              }
            } else if kind != .anti {
              work &+= n
              let lo = Int(s[Int(id)])
              for k in lo..<(lo + n) {
                ol[out] = row
                or[out] = rs[k]
                out += 1
              }
            }
          }
          return true
        }
      }
    }
  }

  /// Left rows plus output pairs between two reads of the Ctrl-C flag.
  static let pollInterval = 1 << 18
}
