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
  /// Stops with ``ExecutionStop/interrupted`` on Ctrl-C (``JoinIndex/pairs(_:)`` reads the flag).
  static func match(
    left: [Column], right: [Column], kind: JoinKind
  ) throws(ExecutionStop) -> (left: [Int32], right: [Int32]) {
    try index(left: left, right: right).pairs(kind)
  }

  /// The right rows grouped by key id, with each left row's id: what ``JoinIndex/outputRows(_:)``
  /// counts (before anything of the output's size is allocated) and ``JoinIndex/pairs(_:)`` walks.
  /// Stops with ``ExecutionStop/interrupted`` on Ctrl-C between keys.
  static func index(left: [Column], right: [Column]) throws(ExecutionStop) -> JoinIndex {
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
    return JoinIndex(keyIDs)
  }
}
