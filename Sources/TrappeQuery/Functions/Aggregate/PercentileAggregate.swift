import TrappeStorage

/// `percentile(x, p)`: the p-th percentile (p in 0...100) of the non-NULL values per group, as Double.
///
/// Continuous quantile with linear interpolation between the closest ranks,
/// like DuckDB's `quantile_cont` and numpy's default: with the group's n
/// values sorted as v₀ ≤ … ≤ vₙ₋₁, position h = (n - 1)·p/100 and the
/// result is v⌊h⌋ + (h - ⌊h⌋)·(v⌊h⌋₊₁ - v⌊h⌋). NaN sorts above every number.
/// A group without non-NULL values gives NULL; p outside 0...100 is clamped,
/// a missing or NaN p gives NULL everywhere.
///
/// Values are bucketed per group by a counting sort of the rows, then each
/// bucket is partially ordered by quickselect (no full sort).
enum PercentileAggregate {
  /// The `percent`-th percentile of `input` per group (bools as 0/1).
  static func compute(input: Column, percent: Double?, groups: GroupIndex) -> Column {
    guard let percent, !percent.isNaN else { return Column.nulls(.double, count: groups.groupCount) }
    let fraction = Swift.min(Swift.max(percent, 0), 100) / 100
    switch input {
    case .int64(let c): return quantiles(c.widenedValues(), c.validity, groups, fraction)
    case .double(let c): return quantiles(c.values, c.validity, groups, fraction)
    case .bool(let c): return quantiles(c.values, c.validity, groups, fraction)
    case .string, .period: return Column.nulls(.double, count: groups.groupCount)
    }
  }

  private static func quantiles<T: AggregateNumeric>(
    _ values: [T], _ validity: ValidityMask, _ groups: GroupIndex, _ fraction: Double
  ) -> Column {
    let k = groups.groupCount
    var starts = [Int](repeating: 0, count: k + 1)
    groups.groupOf.withUnsafeBufferPointer { g in
      validity.withValidityWords { bits in
        starts.withUnsafeMutableBufferPointer { s in
          for row in 0..<g.count where bits.isValid(row) { s[Int(g[row]) &+ 1] &+= 1 }
        }
      }
    }
    for group in 0..<k { starts[group + 1] += starts[group] }
    var bucketed = [Double](repeating: 0, count: starts[k])
    var cursor = Array(starts.dropLast())
    bucketed.withUnsafeMutableBufferPointer { b in
      cursor.withUnsafeMutableBufferPointer { c in
        values.withUnsafeBufferPointer { v in
          groups.groupOf.withUnsafeBufferPointer { g in
            validity.withValidityWords { bits in
              for row in 0..<v.count where bits.isValid(row) {
                let group = Int(g[row])
                b[c[group]] = v[row].aggregateDouble
                c[group] &+= 1
              }
            }
          }
        }
      }
    }
    var result = [Double](repeating: 0, count: k)
    bucketed.withUnsafeMutableBufferPointer { b in
      for group in 0..<k where starts[group + 1] > starts[group] {
        result[group] = quantile(b, starts[group], starts[group + 1], fraction)
      }
    }
    let present = (0..<k).map { starts[$0 + 1] > starts[$0] }
    return .double(PrimitiveColumn(values: result, validity: .fromFlags(present)))
  }

  /// The interpolated quantile of the non-empty range `start..<end` of `a`, reordering it.
  static func quantile(_ a: UnsafeMutableBufferPointer<Double>, _ start: Int, _ end: Int, _ fraction: Double) -> Double {
    // Move NaNs to the end: they rank above every number.
    var numbersEnd = end
    var i = start
    while i < numbersEnd {
      if a[i].isNaN {
        numbersEnd -= 1
        a.swapAt(i, numbersEnd)
      } else {
        i += 1
      }
    }
    let n = end - start
    let position = fraction * Double(n - 1)
    let lowRank = Swift.min(Int(position.rounded(.down)), n - 1)
    let weight = position - Double(lowRank)
    let low = start + lowRank
    guard low < numbersEnd else { return .nan }
    let lowValue = select(a, start, numbersEnd, low)
    guard weight > 0, low + 1 < end else { return lowValue }
    guard low + 1 < numbersEnd else { return .nan }
    // After selection every element right of `low` is at least `lowValue`; the next rank is their minimum.
    var highValue = a[low + 1]
    for j in (low + 2)..<numbersEnd where a[j] < highValue { highValue = a[j] }
    return lowValue + (highValue - lowValue) * weight
  }

  /// Reorders `start..<end` (no NaNs) so that position `k` holds its sorted value, smaller ones left, larger right.
  static func select(_ a: UnsafeMutableBufferPointer<Double>, _ start: Int, _ end: Int, _ k: Int) -> Double {
    var left = start
    var right = end - 1
    var budget = 64
    while right > left {
      if budget == 0 {
        var rest = UnsafeMutableBufferPointer(rebasing: a[left...right])
        rest.sort()
        return a[k]
      }
      budget -= 1
      let middle = left + (right - left) / 2
      let x = a[left]
      let y = a[middle]
      let z = a[right]
      let pivot = Swift.max(Swift.min(x, y), Swift.min(Swift.max(x, y), z))
      var i = left
      var j = right
      while i <= j {
        while a[i] < pivot { i += 1 }
        while a[j] > pivot { j -= 1 }
        if i <= j {
          a.swapAt(i, j)
          i += 1
          j -= 1
        }
      }
      if k <= j {
        right = j
      } else if k >= i {
        left = i
      } else {
        return a[k]
      }
    }
    return a[k]
  }
}
