import TrappeStorage

/// The built-in aggregate functions, for `summarize`, `pivot` and windows.
enum AggregateFunction: String, Sendable, Equatable, CaseIterable {
  /// `count()` or `count(*)`: rows; `count(x)`: non-NULL values.
  case count
  case count_distinct
  case sum
  case avg
  case min
  case max
  case median
  /// `percentile(x, p)` with p in 0...100, linear interpolation between order statistics.
  case percentile
  /// Sample standard deviation (n - 1).
  case stdev
  /// The first non-NULL value in row order.
  case first
  /// The last non-NULL value in row order.
  case last
  /// `count_if(condition)`: rows where the condition is true.
  case count_if
  /// `corr(x, y)`: Pearson correlation of the pairs without NULLs.
  case corr
  /// `arg_max(x, by)`: x at the first row with the largest `by`.
  case arg_max
  /// `arg_min(x, by)`: x at the first row with the smallest `by`.
  case arg_min

  /// Whether the function reads a second expression (``AggregateCall/argument``).
  var takesTwoInputs: Bool { self == .corr || self == .arg_max || self == .arg_min }
}

/// One aggregate computation: the function, its input column (nil for `count()`), the second
/// input of `corr` (y) and `arg_max`/`arg_min` (by), and `p` for percentile.
package struct AggregateCall: Sendable, Equatable {
  var function: AggregateFunction
  var input: BoundExpression?
  var argument: BoundExpression?
  var parameter: Double?
  var type: DataType
  init(
    function: AggregateFunction, input: BoundExpression?, argument: BoundExpression? = nil, parameter: Double? = nil,
    type: DataType
  ) {
    self.function = function
    self.input = input
    self.argument = argument
    self.parameter = parameter
    self.type = type
  }

  /// The columns both inputs read.
  var referencedColumns: Set<Int> {
    (input?.referencedColumns ?? []).union(argument?.referencedColumns ?? [])
  }
}
