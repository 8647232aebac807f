import TrappeStorage

/// `median(x)`: the 50th percentile of the non-NULL values per group, as Double (see ``PercentileAggregate``).
enum MedianAggregate {
  /// The median of `input` per group.
  static func compute(input: Column, groups: GroupIndex) -> Column {
    PercentileAggregate.compute(input: input, percent: 50, groups: groups)
  }
}
