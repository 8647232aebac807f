import TrappeStorage

/// `arg_max(x, by)` and `arg_min(x, by)`: x at the row of each group with the largest
/// (smallest) `by`, in x's type. Rows whose `by` is NULL are skipped; ties go to the
/// first such row in input order; x at that row may itself be NULL. A group without a
/// non-NULL `by` gives NULL. `by` is an int, double or period (periods by ordinal).
///
/// SQL (rn = the input row number): `first(x ORDER BY by DESC, rn) FILTER (WHERE by IS NOT NULL)`
/// for arg_max, `... ORDER BY by ASC, rn ...` for arg_min.
enum ArgExtremumAggregate {
  static func compute(input: Column, by: Column, groups: GroupIndex, largest: Bool) -> Column {
    var best = [Int32](repeating: -1, count: groups.groupCount)
    switch by {
    case .int64(let c): scan(c.widenedValues(), c.validity, groups, largest, &best)
    case .double(let c): scan(c.values, c.validity, groups, largest, &best)
    case .period(let c): scan(c.ordinals, c.validity, groups, largest, &best)
    case .bool, .string: return .nulls(input.type, count: groups.groupCount)
    }
    return input.gather(best)
  }

  private static func scan<T: Comparable>(
    _ values: [T], _ validity: ValidityMask, _ groups: GroupIndex, _ largest: Bool, _ best: inout [Int32]
  ) {
    best.withUnsafeMutableBufferPointer { b in
      values.withUnsafeBufferPointer { v in
        groups.groupOf.withUnsafeBufferPointer { g in
          validity.withValidityWords { bits in
            for row in 0..<g.count where bits.isValid(row) {
              let group = Int(g[row])
              let current = b[group]
              if current < 0 || (largest ? v[row] > v[Int(current)] : v[row] < v[Int(current)]) {
                b[group] = Int32(truncatingIfNeeded: row)
              }
            }
          }
        }
      }
    }
  }
}
