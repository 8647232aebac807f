import TrappeStorage

/// `stdev(x)`: the sample standard deviation (divisor n - 1) per group, as Double.
///
/// Two passes: compensated means first, then the sum of squared deviations
/// from the group mean, which avoids the cancellation of the one-pass
/// `sum(x²) - n·mean²` formula. Fewer than two non-NULL values give NULL.
enum StdevAggregate {
  /// The sample standard deviation of `input` per group (bools as 0/1).
  static func compute(input: Column, groups: GroupIndex) -> Column {
    switch input {
    case .int64(let c): return deviation(c.widenedValues(), c.validity, groups)
    case .double(let c): return deviation(c.values, c.validity, groups)
    case .bool(let c): return deviation(c.values, c.validity, groups)
    case .string, .period: return Column.nulls(.double, count: groups.groupCount)
    }
  }

  private static func deviation<T: AggregateNumeric>(
    _ values: [T], _ validity: ValidityMask, _ groups: GroupIndex
  ) -> Column {
    let k = groups.groupCount
    var (means, counts) = NeumaierSums.compute(values, validity, groups)
    for group in 0..<k where counts[group] > 0 { means[group] /= Double(counts[group]) }
    var squares = [Double](repeating: 0, count: k)
    squares.withUnsafeMutableBufferPointer { q in
      means.withUnsafeBufferPointer { m in
        values.withUnsafeBufferPointer { v in
          groups.groupOf.withUnsafeBufferPointer { g in
            validity.withValidityWords { bits in
              for row in 0..<v.count where bits.isValid(row) {
                let group = Int(g[row])
                let d = v[row].aggregateDouble - m[group]
                q[group] += d * d
              }
            }
          }
        }
      }
    }
    var result = [Double](repeating: 0, count: k)
    for group in 0..<k where counts[group] > 1 {
      result[group] = (squares[group] / Double(counts[group] - 1)).squareRoot()
    }
    return .double(PrimitiveColumn(values: result, validity: .fromFlags(counts.map { $0 > 1 })))
  }
}
