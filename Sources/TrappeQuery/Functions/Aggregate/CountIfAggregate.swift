import TrappeStorage

/// `count_if(condition)`: the rows of each group where the condition is true (NULL and
/// false are not counted), as Int64; 0 for a group without such rows. SQL: `count_if(c)`.
enum CountIfAggregate {
  static func compute(input: Column, groups: GroupIndex) -> Column {
    var counts = [Int64](repeating: 0, count: groups.groupCount)
    guard case .bool(let c) = input else { return .int64(Int64Column(counts)) }
    counts.withUnsafeMutableBufferPointer { out in
      groups.groupOf.withUnsafeBufferPointer { g in
        c.values.withUnsafeBufferPointer { v in
          c.validity.withValidityWords { bits in
            for row in 0..<g.count where v[row] && bits.isValid(row) { out[Int(g[row])] &+= 1 }
          }
        }
      }
    }
    return .int64(Int64Column(counts))
  }
}
