import TrappeStorage

/// Functions that look at other rows of the same partition, for `extend`.
enum WindowFunction: Sendable, Equatable {
  /// `prev(x [, n])`: x from n rows earlier in the partition's order (NULL before the first).
  case prev(offset: Int)
  /// `next(x [, n])`: x from n rows later.
  case next(offset: Int)
  /// 1 + the number of rows ordered strictly before (ties share a rank, gaps follow).
  case rank
  /// Like rank, without gaps.
  case denseRank
  /// (rank - 1) / (rows in partition - 1); 0 for a one-row partition.
  case percentRank
  /// 1, 2, 3, ... in the partition's order.
  case rowNumber
  /// `ntile(n)`: the bucket 1...n of the row when the partition is split in n nearly equal parts (SQL NTILE).
  case ntile(buckets: Int)
  /// Sum of x over the partition's rows up to and including this one.
  case runningSum
  /// x / sum(x) over the partition (NULL when the sum is 0).
  case share
  /// x - prev(x): the change against the previous row (period) in the partition.
  case change
  /// `yoy(x)`: x minus x of the same period a year earlier in the partition (by the order
  /// key's value: 12 months, 4 quarters, 1 year, the same ISO week number a year earlier).
  case yoy
  /// `moving_avg(x, n)`: the mean of x over this row and the n - 1 rows before it.
  case movingAverage(rows: Int)
  /// An aggregate over the whole partition (`sum(x) over kommune`).
  case aggregate(AggregateFunction, parameter: Double?)
}

/// One bound window computation.
struct WindowCall: Sendable, Equatable {
  var function: WindowFunction
  var input: BoundExpression?
  var partition: [BoundExpression]
  var order: [BoundSortKey]
  var type: DataType
  /// The name of the last order key when it is a period (a period column, or an int column
  /// whose unit is year): `change`, `prev` and `next` then warn about rows that compare
  /// across more than one period.
  var periodKey: String?
  init(
    function: WindowFunction, input: BoundExpression?, partition: [BoundExpression], order: [BoundSortKey],
    type: DataType, periodKey: String? = nil
  ) {
    self.function = function
    self.input = input
    self.partition = partition
    self.order = order
    self.type = type
    self.periodKey = periodKey
  }
}

/// A bound sort key.
package struct BoundSortKey: Sendable, Equatable {
  var expression: BoundExpression
  var descending: Bool
  init(expression: BoundExpression, descending: Bool) {
    self.expression = expression
    self.descending = descending
  }
}
