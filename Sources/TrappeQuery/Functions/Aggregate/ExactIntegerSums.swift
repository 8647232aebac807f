import TrappeStorage

/// Exact per-group sums of Int64 values in Int128 and the non-NULL counts, shared by `sum` and
/// `avg` of ints: Int128 cannot overflow (2^31 rows of at most 2^63 stay below 2^94), so the
/// result does not depend on the order of the rows.
enum ExactIntegerSums {
  /// The exact total and the number of non-NULL values of each group.
  ///
  /// Sums first in Int64 with wrapping adds, noting any overflow; only when some partial sum
  /// overflowed is the pass repeated in Int128. A sum that never overflowed is exact, so
  /// both ways give the same totals.
  static func compute(_ column: Int64Column, _ groups: GroupIndex) -> (totals: [Int128], counts: [Int]) {
    // One loop specialised per stored width; values are widened to Int64 as they are added.
    switch column.storage {
    case .int8(let v): return compute(v, column.validity, groups)
    case .int16(let v): return compute(v, column.validity, groups)
    case .int32(let v): return compute(v, column.validity, groups)
    case .int64(let v): return compute(v, column.validity, groups)
    }
  }

  static func compute<T: FixedWidthInteger & SignedInteger>(_ values: [T], _ validity: ValidityMask, _ groups: GroupIndex) -> (
    totals: [Int128], counts: [Int]
  ) {
    let k = groups.groupCount
    var narrow = [Int64](repeating: 0, count: k)
    var counts = [Int](repeating: 0, count: k)
    var overflowed = false
    narrow.withUnsafeMutableBufferPointer { s in
      counts.withUnsafeMutableBufferPointer { n in
        values.withUnsafeBufferPointer { v in
          groups.groupOf.withUnsafeBufferPointer { g in
            validity.withValidityWords { bits in
              if bits.hasNulls {
                for row in 0..<v.count where bits.isValid(row) {
                  let group = Int(g[row])
                  let (sum, o) = s[group].addingReportingOverflow(Int64(v[row]))
                  s[group] = sum
                  overflowed = overflowed || o
                  n[group] &+= 1
                }
              } else {
                var o = false
                for row in 0..<v.count {
                  let group = Int(g[row])
                  let (sum, carry) = s[group].addingReportingOverflow(Int64(v[row]))
                  s[group] = sum
                  o = o || carry
                  n[group] &+= 1
                }
                overflowed = o
              }
            }
          }
        }
      }
    }
    if !overflowed { return (narrow.map { Int128($0) }, counts) }
    var totals = [Int128](repeating: 0, count: k)
    totals.withUnsafeMutableBufferPointer { s in
      values.withUnsafeBufferPointer { v in
        groups.groupOf.withUnsafeBufferPointer { g in
          validity.withValidityWords { bits in
            for row in 0..<v.count where bits.isValid(row) {
              s[Int(g[row])] += Int128(v[row])
            }
          }
        }
      }
    }
    return (totals, counts)
  }
}
