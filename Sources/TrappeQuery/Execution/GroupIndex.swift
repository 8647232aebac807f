import TrappeBase
import TrappeStorage

/// The group id of every row, from the values of one or more key columns.
///
/// Group ids are dense (`0..<groupCount`) and assigned in order of first
/// appearance, so `firstRow` is increasing. NULL is a key value of its own:
/// all rows whose key is NULL form one group. Doubles group by value with
/// -0.0 equal to 0.0 and all NaNs equal to each other.
///
/// Strategy: a single string key uses its dictionary codes as dense ids (one
/// extra slot for NULL; dictionaries hold each string once); a single integer,
/// period or bool key with a small value range indexes an array by
/// `value - min`; other single keys go through an open-addressing hash table
/// on `Int64` images. Several keys are folded into one mixed-radix `Int64` key
/// (wide keys first reduced to their own dense ids), which is then grouped
/// densely or hashed; the fold is injective, so no key comparison is needed.
package struct GroupIndex: Sendable, Equatable {
  /// The group id of each row.
  package var groupOf: [Int32]
  /// The number of groups.
  package var groupCount: Int
  /// The first row of each group; -1 for a group without rows (only in indexes built by ``PivotKernel``).
  package var firstRow: [Int32]

  /// Creates an index from its parts.
  init(groupOf: [Int32], groupCount: Int, firstRow: [Int32]) {
    self.groupOf = groupOf
    self.groupCount = groupCount
    self.firstRow = firstRow
  }

  /// The number of rows.
  var rowCount: Int { groupOf.count }

  /// Groups the rows by `keys`; every key column must have the same length.
  ///
  /// Without keys there are no rows to count, so the index is empty; use
  /// ``build(keys:rowCount:)`` to put `rowCount` rows in one group.
  package static func build(keys: [Column]) -> GroupIndex {
    build(keys: keys, rowCount: keys.first?.count ?? 0)
  }

  /// Groups `rowCount` rows by `keys`: no rows give no groups, no keys one group of all rows.
  static func build(keys: [Column], rowCount: Int) -> GroupIndex {
    if rowCount == 0 { return GroupIndex(groupOf: [], groupCount: 0, firstRow: []) }
    if keys.isEmpty {
      return GroupIndex(groupOf: [Int32](repeating: 0, count: rowCount), groupCount: 1, firstRow: [0])
    }
    if keys.count == 1 { return single(keys[0]) }
    return multiple(keys)
  }

  /// The index a grouping stopped by Ctrl-C returns: all rows in one group, valid for every
  /// consumer; the executor reads the flag after the kernel and never uses it.
  static func stopped(rowCount: Int) -> GroupIndex {
    GroupIndex(groupOf: [Int32](repeating: 0, count: rowCount), groupCount: 1, firstRow: [0])
  }

  /// Rows between two reads of the Ctrl-C flag in a hashed grouping (a few ms of work).
  static let pollInterval = 1 << 20

  /// The largest number of slots a dense id array may have for `rows` rows.
  static func denseLimit(rows: Int) -> Int64 {
    Int64(Swift.max(1 << 22, rows))
  }

  /// Groups by one key column: densely through its codes, or by its own hashed index (``keyCodes(_:)``).
  static func single(_ key: Column) -> GroupIndex {
    switch keyCodes(key) {
    case .digit(let digit): return dense(slots: Int(digit.radix), digits: [digit])
    case .grouped(let index): return index
    }
  }

  /// The smallest valid key and the number of slots `max - min + 1`, when that is small enough
  /// for a dense array. An all-NULL column gives base 0 and domain 0 (only the NULL slot is used).
  static func denseRange<T: GroupKeyRepresentable & FixedWidthInteger>(
    _ values: [T], validity: ValidityMask
  ) -> (Int64, Int)? {
    let n = values.count
    // Row ranges on all threads from `rangeScanMinRows` rows, each with its own minimum and maximum.
    let pieces = Parallelism.threads > 1 && n >= rangeScanMinRows ? Swift.min(Parallelism.threads, 8) : 1
    var lows = [Int64](repeating: .max, count: pieces)
    var highs = [Int64](repeating: .min, count: pieces)
    values.withUnsafeBufferPointer { v in
      validity.withValidityWords { bits in
        lows.withUnsafeMutableBufferPointer { lo in
          highs.withUnsafeMutableBufferPointer { hi in
            Parallelism.forEachMorsel(pieces) { piece in
              (lo[piece], hi[piece]) = keyRange(v, bits, rows: (piece * n / pieces)..<((piece + 1) * n / pieces))
            }
          }
        }
      }
    }
    let low = lows.min() ?? .max
    let high = highs.max() ?? .min
    if low > high { return (0, 0) }
    let (span, overflow) = high.subtractingReportingOverflow(low)
    guard !overflow, span < denseLimit(rows: n) else { return nil }
    return (low, Int(span) + 1)
  }

  /// Rows from which ``denseRange(_:validity:)`` scans row ranges on all threads.
  static let rangeScanMinRows = 1 << 18

  /// The smallest and largest valid key of `rows` (`low > high` when there is none), compared
  /// in the values' own width so that the loop without NULLs vectorises.
  @inline(__always)
  static func keyRange<T: GroupKeyRepresentable & FixedWidthInteger>(
    _ v: UnsafeBufferPointer<T>, _ bits: ValidityBits, rows: Range<Int>
  ) -> (Int64, Int64) {
    var low = T.max
    var high = T.min
    if bits.hasNulls {
      for row in rows where bits.isValid(row) {
        low = Swift.min(low, v[row])
        high = Swift.max(high, v[row])
      }
    } else {
      for row in rows {
        low = Swift.min(low, v[row])
        high = Swift.max(high, v[row])
      }
    }
    // No valid row leaves `low > high` (the width's extremes), as `(.max, .min)` would.
    return (low.groupKey, high.groupKey)
  }
}
