import TrappeStorage

/// `avg(x)`: the mean of the non-NULL values per group, as Double; NULL for a group without any.
///
/// Ints (and bools) sum exactly in Int128 and the mean is that total rounded to Double once,
/// divided by the count (as SQL's `avg` of a BIGINT over its HUGEINT sum); doubles sum in
/// Double with Neumaier compensation, so large double sums keep their low-order digits.
enum AvgAggregate {
  /// Averages `input` per group (bools as 0/1).
  static func compute(input: Column, groups: GroupIndex) -> Column {
    switch input {
    case .int64(let c): return exactAverage(c, groups)
    case .double(let c): return average(c.values, c.validity, groups)
    case .bool(let c): return average(c.values, c.validity, groups)
    case .string, .period: return Column.nulls(.double, count: groups.groupCount)
    }
  }

  private static func exactAverage(_ column: Int64Column, _ groups: GroupIndex) -> Column {
    let k = groups.groupCount
    let (totals, counts) = ExactIntegerSums.compute(column, groups)
    var means = [Double](repeating: 0, count: k)
    for group in 0..<k where counts[group] > 0 {
      // Int128 → Double goes through a slow generic conversion; an Int64 total converts the
      // same (both round to nearest) in one instruction.
      let total = totals[group]
      let sum = Int64(exactly: total).map { Double($0) } ?? Double(total)
      means[group] = sum / Double(counts[group])
    }
    return .double(PrimitiveColumn(values: means, validity: .fromFlags(counts.map { $0 > 0 })))
  }

  private static func average<T: AggregateNumeric>(
    _ values: [T], _ validity: ValidityMask, _ groups: GroupIndex
  ) -> Column {
    let (sums, counts) = NeumaierSums.compute(values, validity, groups)
    var means = [Double](repeating: 0, count: groups.groupCount)
    for group in 0..<groups.groupCount where counts[group] > 0 {
      means[group] = sums[group] / Double(counts[group])
    }
    return .double(PrimitiveColumn(values: means, validity: .fromFlags(counts.map { $0 > 0 })))
  }
}
