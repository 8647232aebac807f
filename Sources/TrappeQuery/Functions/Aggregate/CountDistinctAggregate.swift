import TrappeStorage

/// `count_distinct(x)`: the number of distinct non-NULL values of x per group, as Int64.
///
/// Groups the input by value (strings by dictionary code, doubles with -0.0 =
/// 0.0 and NaN = NaN), folds (group, value id) into one key, groups that, and
/// counts one per distinct pair whose value is not NULL.
enum CountDistinctAggregate {
  /// Counts distinct non-NULL values of `input` in each group.
  static func compute(input: Column, groups: GroupIndex) -> Column {
    var counts = [Int64](repeating: 0, count: groups.groupCount)
    let values = GroupIndex.build(keys: [input], rowCount: groups.rowCount)
    let radix = Int64(values.groupCount)
    var pairKeys = [Int64](repeating: 0, count: groups.rowCount)
    pairKeys.withUnsafeMutableBufferPointer { p in
      groups.groupOf.withUnsafeBufferPointer { g in
        values.groupOf.withUnsafeBufferPointer { v in
          for row in 0..<p.count { p[row] = Int64(g[row]) &* radix &+ Int64(v[row]) }
        }
      }
    }
    let pairs = GroupIndex.grouping(pairKeys, radix: Int64(groups.groupCount) * radix)
    let validity = input.validity
    counts.withUnsafeMutableBufferPointer { c in
      groups.groupOf.withUnsafeBufferPointer { g in
        validity.withValidityWords { bits in
          for row in pairs.firstRow where bits.isValid(Int(row)) { c[Int(g[Int(row)])] &+= 1 }
        }
      }
    }
    return .int64(PrimitiveColumn(counts))
  }
}
