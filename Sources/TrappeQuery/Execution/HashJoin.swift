import TrappeBase
import TrappeStorage

/// Row pairs of equi-joins: `join kind=inner|left|anti (...) on KEYS`.
///
/// The lookup structure is built on the RIGHT side. Key columns are reduced to
/// dense ids (an array indexed by value when the right keys span a small range,
/// otherwise an open-addressing table); several keys are folded into one id
/// pair by pair. The right rows are then grouped by id (counting sort) and every
/// left row looks its id up once.
///
/// Semantics:
/// - NULL keys never match (neither do NaN doubles);
/// - inner: every matching pair, ordered by left row, then right row;
/// - left: the inner pairs, plus `(row, -1)` for each left row without a match,
///   still in left row order;
/// - anti: the left rows without a match, in order, with a `right` array of the
///   same length holding only -1.
enum HashJoin {
  /// The matching row pairs of `left` and `right` key columns (one pair of columns per key).
  ///
  /// Comparable key types: int/int, double/double, int/double (numerically),
  /// string/string (across dictionaries), period/period of one unit, bool/bool.
  /// Keys of any other combination (or periods of different units) never match.
  ///
  /// Stops with ``ExecutionStop/interrupted`` on Ctrl-C: the flag is read between keys and
  /// every ``pollInterval`` probed left rows or output pairs.
  static func match(
    left: [Column], right: [Column], kind: JoinKind
  ) throws(ExecutionStop) -> (left: [Int32], right: [Int32]) {
    let leftCount = left.first?.count ?? 0
    let rightCount = right.first?.count ?? 0
    var ids: JoinKeyIDs?
    for (l, r) in zip(left, right) {
      try Interrupt.check()
      let (lk, rk) = keyColumns(l, r)
      let next = factorize(lk, rk)
      if let current = ids {
        ids = combine(current, next)
      } else {
        ids = next
      }
    }
    let keyIDs =
      ids
      ?? JoinKeyIDs(
        left: [Int32](repeating: 0, count: leftCount), right: [Int32](repeating: 0, count: rightCount), count: 1)
    try Interrupt.check()
    return try probe(keyIDs, kind: kind)
  }

  /// Left rows plus output pairs between two reads of the Ctrl-C flag (a few ms of work).
  static let pollInterval = 1 << 18

  /// Groups right rows by id and walks the left rows once.
  private static func probe(_ ids: JoinKeyIDs, kind: JoinKind) throws(ExecutionStop) -> (left: [Int32], right: [Int32]) {
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
    var outLeft: [Int32] = []
    var outRight: [Int32] = []
    outLeft.reserveCapacity(ids.left.count)
    outRight.reserveCapacity(ids.left.count)
    var stopped = false
    start.withUnsafeBufferPointer { s in
      rows.withUnsafeBufferPointer { rs in
        ids.left.withUnsafeBufferPointer { lid in
          // Work done since the flag was last read: one per left row and one per pair.
          var work = 0
          for l in 0..<lid.count {
            if work >= pollInterval {
              if Interrupt.isRequested {
                stopped = true
                return
              }
              work = 0
            }
            work &+= 1
            let id = Int(lid[l])
            let row = Int32(truncatingIfNeeded: l)
            let lo = id >= 0 ? Int(s[id]) : 0
            let hi = id >= 0 ? Int(s[id + 1]) : 0
            switch kind {
            case .inner, .left:
              if lo == hi {
                if kind == .left {
                  outLeft.append(row)
                  outRight.append(-1)
                }
              } else {
                work &+= hi - lo
                for k in lo..<hi {
                  outLeft.append(row)
                  outRight.append(rs[k])
                }
              }
            case .anti:
              if lo == hi {
                outLeft.append(row)
                outRight.append(-1)
              }
            }
          }
        }
      }
    }
    if stopped { throw .interrupted }
    return (outLeft, outRight)
  }
}
