import TrappeStorage

extension Aggregator {
  /// ``compute(_:input:argument:parameter:groups:)``, counting the groups an int `sum` overflowed
  /// (NULL in the result) into `warnings.overflows`, so the session says so; a double result
  /// that is not finite (a sum beyond the double range) is NULL and counted in `notFinite`.
  static func compute(
    _ function: AggregateFunction, input: Column?, argument: Column? = nil, parameter: Double?,
    groups: GroupIndex, warnings: inout EvaluationWarnings
  ) -> Column {
    if function == .sum, let input {
      let (sums, overflows) = SumAggregate.computeCountingOverflows(input: input, groups: groups)
      warnings.overflows += overflows
      return sums.nullingNonFinite(&warnings)
    }
    return compute(function, input: input, argument: argument, parameter: parameter, groups: groups)
      .nullingNonFinite(&warnings)
  }
}
