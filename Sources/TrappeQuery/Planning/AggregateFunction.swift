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
}

/// One aggregate computation: the function, its input column (nil for `count()`), and `p` for percentile.
package struct AggregateCall: Sendable, Equatable {
  var function: AggregateFunction
  var input: BoundExpression?
  var parameter: Double?
  var type: DataType
  init(function: AggregateFunction, input: BoundExpression?, parameter: Double? = nil, type: DataType) {
    self.function = function
    self.input = input
    self.parameter = parameter
    self.type = type
  }
}
