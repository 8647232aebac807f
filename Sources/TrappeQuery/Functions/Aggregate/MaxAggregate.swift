import TrappeStorage

/// `max(x)`: the largest non-NULL value per group, in the input's type (see ``ExtremumAggregate``).
enum MaxAggregate {
  /// The maximum of `input` per group.
  static func compute(input: Column, groups: GroupIndex) -> Column {
    ExtremumAggregate.compute(input: input, groups: groups, largest: true)
  }
}
