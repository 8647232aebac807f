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
    // Sum and count of a group side by side (`pair[2g]`, `pair[2g + 1]`): with many groups each
    // row touches one cache line instead of two (top_persons at 10M rows: 1M groups, 16 MB).
    var pair = [Int64](repeating: 0, count: 2 * k)
    var overflowed = false
    pair.withUnsafeMutableBufferPointer { p in
      values.withUnsafeBufferPointer { v in
        groups.groupOf.withUnsafeBufferPointer { g in
          validity.withValidityWords { bits in
            if bits.hasNulls {
              for row in 0..<v.count where bits.isValid(row) {
                let at = Int(g[row]) &* 2
                let (sum, o) = p[at].addingReportingOverflow(Int64(v[row]))
                p[at] = sum
                overflowed = overflowed || o
                p[at &+ 1] &+= 1
              }
            } else {
              var o = false
              for row in 0..<v.count {
                let at = Int(g[row]) &* 2
                let (sum, carry) = p[at].addingReportingOverflow(Int64(v[row]))
                p[at] = sum
                o = o || carry
                p[at &+ 1] &+= 1
              }
              overflowed = o
            }
          }
        }
      }
    }
    let counts = [Int](unsafeUninitializedCapacity: k) { out, initialized in
      pair.withUnsafeBufferPointer { p in
        for group in 0..<k { out[group] = Int(p[2 &* group &+ 1]) }
      }
      initialized = k
    }
    if !overflowed {
      let totals = [Int128](unsafeUninitializedCapacity: k) { out, initialized in
        pair.withUnsafeBufferPointer { p in
          for group in 0..<k { out[group] = Int128(p[2 &* group]) }
        }
        initialized = k
      }
      return (totals, counts)
    }
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
