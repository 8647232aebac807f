import TrappeStorage

/// `min(x)`: the smallest non-NULL value per group, in the input's type (see ``ExtremumAggregate``).
enum MinAggregate {
  /// The minimum of `input` per group.
  static func compute(input: Column, groups: GroupIndex) -> Column {
    ExtremumAggregate.compute(input: input, groups: groups, largest: false)
  }
}
