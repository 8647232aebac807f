import TrappeStorage

/// Computes aggregate functions over grouped rows: one output row per group.
///
/// Shared semantics: every aggregate skips NULL inputs, and a group with no
/// non-NULL input gives NULL (except the counts, which give 0).
///
/// | function | input | output |
/// |---|---|---|
/// | `count` | none: rows; x: non-NULL values | int |
/// | `count_distinct` | any (strings by dictionary code) | int |
/// | `sum` | int, bool → int (overflow → NULL); double → double | |
/// | `avg`, `median`, `percentile`, `stdev` | int, double, bool (0/1) | double |
/// | `min`, `max`, `first`, `last` | any | the input's type |
/// | `count_if` | bool (the binder checks; other types count nothing) | int (0 for a group without true rows) |
/// | `corr` | x, y: int or double | double |
/// | `arg_max`, `arg_min` | x: any; by: int, double or period | x's type |
///
/// Details live with each kernel under `Functions/Aggregate/`.
enum Aggregator {
  /// Aggregates `input` (nil only for `count()`) per group of `groups`; `parameter` is p of `percentile`.
  ///
  /// The result has `groups.groupCount` rows and the type ``resultType(_:input:)``
  /// gives. A function other than `count` without input, or a numeric function
  /// on strings or periods, gives a column of NULLs of that type.
  static func compute(
    _ function: AggregateFunction, input: Column?, argument: Column? = nil, parameter: Double?, groups: GroupIndex
  ) -> Column {
    if function == .count { return CountAggregate.compute(input: input, groups: groups) }
    guard let input else {
      return Column.nulls(resultType(function, input: nil) ?? .int64, count: groups.groupCount)
    }
    switch function {
    case .count: return CountAggregate.compute(input: input, groups: groups)
    case .count_distinct: return CountDistinctAggregate.compute(input: input, groups: groups)
    case .sum: return SumAggregate.compute(input: input, groups: groups)
    case .avg: return AvgAggregate.compute(input: input, groups: groups)
    case .min: return MinAggregate.compute(input: input, groups: groups)
    case .max: return MaxAggregate.compute(input: input, groups: groups)
    case .median: return MedianAggregate.compute(input: input, groups: groups)
    case .percentile: return PercentileAggregate.compute(input: input, percent: parameter, groups: groups)
    case .stdev: return StdevAggregate.compute(input: input, groups: groups)
    case .first: return FirstLastAggregate.compute(input: input, groups: groups, end: .first)
    case .last: return FirstLastAggregate.compute(input: input, groups: groups, end: .last)
    case .count_if: return CountIfAggregate.compute(input: input, groups: groups)
    case .corr, .arg_max, .arg_min:
      guard let argument else { return Column.nulls(resultType(function, input: input.type) ?? .int64, count: groups.groupCount) }
      if function == .corr { return CorrAggregate.compute(x: input, y: argument, groups: groups) }
      return ArgExtremumAggregate.compute(input: input, by: argument, groups: groups, largest: function == .arg_max)
    }
  }

  /// The output type of `function` over an input of type `input`; nil when the input type is not accepted.
  ///
  /// `count` accepts no input or any; `sum`, `avg`, `median`, `percentile` and
  /// `stdev` need int, double or bool; the others accept any type.
  static func resultType(_ function: AggregateFunction, input: DataType?) -> DataType? {
    switch function {
    case .count: return .int64
    case .count_distinct: return input == nil ? nil : .int64
    case .sum:
      switch input {
      case .int64?, .bool?: return .int64
      case .double?: return .double
      default: return nil
      }
    case .avg, .median, .percentile, .stdev:
      switch input {
      case .int64?, .double?, .bool?: return .double
      default: return nil
      }
    case .min, .max, .first, .last, .arg_max, .arg_min: return input
    case .count_if: return input == nil ? nil : .int64
    case .corr: return input?.isNumeric == true ? .double : nil
    }
  }
}
