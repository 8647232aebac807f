import TrappeStorage

/// `first(x)` and `last(x)`: the first or last non-NULL value of each group in row order,
/// in the input's type.
enum FirstLastAggregate {
  /// Which end of each group's non-NULL values to take.
  enum End {
    case first, last
  }

  /// The first or last non-NULL value of `input` per group; NULL for a group without one.
  static func compute(input: Column, groups: GroupIndex, end: End) -> Column {
    let keepsEarliest = end == .first
    var rows = [Int32](repeating: -1, count: groups.groupCount)
    rows.withUnsafeMutableBufferPointer { r in
      groups.groupOf.withUnsafeBufferPointer { g in
        input.validity.withValidityWords { bits in
          for row in 0..<g.count where bits.isValid(row) {
            let group = Int(g[row])
            if !keepsEarliest || r[group] < 0 { r[group] = Int32(truncatingIfNeeded: row) }
          }
        }
      }
    }
    return input.gather(rows)
  }
}
