import TrappeStorage

/// `count()` (rows per group) and `count(x)` (non-NULL values of x per group), as Int64.
enum CountAggregate {
  /// Counts the rows of each group, or only those where `input` is not NULL.
  static func compute(input: Column?, groups: GroupIndex) -> Column {
    var counts = [Int64](repeating: 0, count: groups.groupCount)
    let validity = input?.validity ?? ValidityMask(allValid: groups.rowCount)
    counts.withUnsafeMutableBufferPointer { c in
      groups.groupOf.withUnsafeBufferPointer { g in
        validity.withValidityWords { bits in
          if bits.hasNulls {
            for row in 0..<g.count where bits.isValid(row) { c[Int(g[row])] &+= 1 }
          } else {
            for row in 0..<g.count { c[Int(g[row])] &+= 1 }
          }
        }
      }
    }
    return .int64(Int64Column(counts))
  }
}
