import TrappeStorage

/// Compensated (Neumaier) per-group sums and non-NULL counts, shared by `sum`, `avg` and `stdev`.
enum NeumaierSums {
  /// The compensated sum and the number of non-NULL values of each group.
  static func compute<T: AggregateNumeric>(
    _ values: [T], _ validity: ValidityMask, _ groups: GroupIndex
  ) -> (sums: [Double], counts: [Int64]) {
    let k = groups.groupCount
    var sums = [Double](repeating: 0, count: k)
    var compensation = [Double](repeating: 0, count: k)
    var counts = [Int64](repeating: 0, count: k)
    sums.withUnsafeMutableBufferPointer { s in
      compensation.withUnsafeMutableBufferPointer { c in
        counts.withUnsafeMutableBufferPointer { n in
          values.withUnsafeBufferPointer { v in
            groups.groupOf.withUnsafeBufferPointer { g in
              validity.withValidityWords { bits in
                for row in 0..<v.count where bits.isValid(row) {
                  let group = Int(g[row])
                  let x = v[row].aggregateDouble
                  let sum = s[group]
                  let total = sum + x
                  c[group] += abs(sum) >= abs(x) ? (sum - total) + x : (x - total) + sum
                  s[group] = total
                  n[group] &+= 1
                }
              }
            }
          }
        }
      }
    }
    for group in 0..<k {
      let corrected = sums[group] + compensation[group]
      // Infinite or NaN sums keep their plain value: the correction would turn them into NaN.
      if corrected.isFinite { sums[group] = corrected }
    }
    return (sums, counts)
  }
}
