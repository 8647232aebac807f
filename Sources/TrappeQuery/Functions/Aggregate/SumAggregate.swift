import TrappeStorage

/// `sum(x)`: the sum of the non-NULL values per group.
///
/// Integers (and bools, as 0/1) sum exactly in Int128, so only a group whose total
/// lies outside Int64 gives NULL (counted as an overflow; the order of the rows does not
/// matter: 9223372036854775806 + 10 - 9223372036854775807 is 9 in any order, as in SQL's
/// HUGEINT sum; ``ExactIntegerSums``).
/// Doubles sum into Double with Neumaier compensation.
/// A group without non-NULL values gives NULL.
enum SumAggregate {
  /// Sums `input` per group; int and bool give int, double gives double.
  static func compute(input: Column, groups: GroupIndex) -> Column {
    computeCountingOverflows(input: input, groups: groups).sums
  }

  /// Sums `input` per group, with the number of groups whose int sum overflowed (and so are NULL).
  static func computeCountingOverflows(input: Column, groups: GroupIndex) -> (sums: Column, overflows: Int) {
    switch input {
    case .int64(let c): return sumIntegers(c, groups)
    case .bool(let c): return sumIntegers(Int64Column(values: c.values.map { $0 ? Int64(1) : 0 }, validity: c.validity), groups)
    case .double(let c): return (sumDoubles(c.values, c.validity, groups), 0)
    case .string, .period: return (Column.nulls(.int64, count: groups.groupCount), 0)
    }
  }

  private static func sumIntegers(_ column: Int64Column, _ groups: GroupIndex) -> (sums: Column, overflows: Int) {
    let (totals, counts) = ExactIntegerSums.compute(column, groups)
    var sums = [Int64](repeating: 0, count: groups.groupCount)
    var seen = counts.map { $0 > 0 }
    var overflows = 0
    for group in 0..<groups.groupCount where seen[group] {
      if let total = Int64(exactly: totals[group]) {
        sums[group] = total
      } else {
        seen[group] = false
        overflows += 1
      }
    }
    return (.int64(Int64Column(values: sums, validity: .fromFlags(seen))), overflows)
  }

  private static func sumDoubles(_ values: [Double], _ validity: ValidityMask, _ groups: GroupIndex) -> Column {
    let (sums, counts) = NeumaierSums.compute(values, validity, groups)
    let seen = counts.map { $0 > 0 }
    let output = zip(sums, seen).map { $1 ? $0 : 0 }
    return .double(PrimitiveColumn(values: output, validity: .fromFlags(seen)))
  }
}
