/// The built-in aggregate functions, for `summarize`, `pivot` and windows.
public enum AggregateFunction: String, Sendable, Equatable, CaseIterable {
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
public struct AggregateCall: Sendable, Equatable {
  public var function: AggregateFunction
  public var input: BoundExpression?
  public var parameter: Double?
  public var type: DataType
  public init(function: AggregateFunction, input: BoundExpression?, parameter: Double? = nil, type: DataType) {
    self.function = function
    self.input = input
    self.parameter = parameter
    self.type = type
  }
}
