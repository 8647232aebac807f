import TrappeStorage

/// Exact per-group sums of Int64 values in Int128 and the non-NULL counts, shared by `sum` and
/// `avg` of ints: Int128 cannot overflow (2^31 rows of at most 2^63 stay below 2^94), so the
/// result does not depend on the order of the rows.
enum ExactIntegerSums {
  /// The exact total and the number of non-NULL values of each group.
  static func compute(_ values: [Int64], _ validity: ValidityMask, _ groups: GroupIndex) -> (
    totals: [Int128], counts: [Int]
  ) {
    let k = groups.groupCount
    var totals = [Int128](repeating: 0, count: k)
    var counts = [Int](repeating: 0, count: k)
    totals.withUnsafeMutableBufferPointer { s in
      counts.withUnsafeMutableBufferPointer { n in
        values.withUnsafeBufferPointer { v in
          groups.groupOf.withUnsafeBufferPointer { g in
            validity.withValidityWords { bits in
              for row in 0..<v.count where bits.isValid(row) {
                let group = Int(g[row])
                s[group] += Int128(v[row])
                n[group] += 1
              }
            }
          }
        }
      }
    }
    return (totals, counts)
  }
}
