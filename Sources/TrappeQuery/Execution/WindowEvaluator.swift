import TrappeStorage

/// Evaluates window functions (`extend x = rank() over kommune order by ...`).
///
/// The rows are sorted once by (partition keys, order keys) with the rules of
/// ``SortKernel`` (stable; NULL last; without order keys the partition keeps
/// row order), then walked once per partition. Rows with equal partition keys
/// form a partition, and the rows whose partition key is NULL form one
/// partition of their own. Results are in the ORIGINAL row order.
///
/// Functions:
/// - `prev(n)` / `next(n)`: the input from n rows earlier / later in the
///   partition (same type as the input), NULL past the edge;
/// - `ntile(n)`: Int64 bucket 1...n, as SQL NTILE;
/// - `rank`, `denseRank`, `rowNumber`: Int64; ties are rows with equal order keys
///   (without order keys every row of a partition ties);
/// - `percentRank`: Double, (rank - 1) / (rows - 1), 0 in a one-row partition;
/// - `runningSum`: the total of the input up to and including the row; a NULL
///   input row carries the total so far, and rows before the partition's first
///   non-NULL value are NULL; int stays int (an overflow gives NULL to the partition's
///   end and a warning), double stays double;
/// - `share`: Double, x / sum(x) over the partition; NULL when x is NULL or the sum is 0;
/// - `change`: x - prev(x), int or double; NULL on a partition's first row or
///   when either value is NULL (or the int difference overflows);
/// - `yoy`: x minus x of the same period a year earlier (the first order key's value; see
///   ``YoyWindow``), same type as x;
/// - `movingAverage(n)`: Double, the mean of x over the row and the n - 1 rows before it,
///   NULL on a partition's first n - 1 rows.
///
/// Row-based functions break ties in the order keys by input row order.
///
/// Input-less calls of input functions, non-numeric inputs of the arithmetic
/// functions and `.aggregate` (evaluated elsewhere) give a column of NULLs.
enum WindowEvaluator {
  /// The value of `function` for every row, in original row order (warnings dropped).
  static func compute(
    _ function: WindowFunction, input: Column?, partition: [Column], order: [Column], descending: [Bool],
    rowCount: Int? = nil
  ) -> Column {
    var warnings = EvaluationWarnings()
    return compute(
      function, input: input, partition: partition, order: order, descending: descending, rowCount: rowCount,
      warnings: &warnings)
  }

  /// The value of `function` for every row, in original row order; integer overflows
  /// (NULL rows) are counted into `warnings`.
  static func compute(
    _ function: WindowFunction, input: Column?, partition: [Column], order: [Column], descending: [Bool],
    rowCount: Int? = nil, warnings: inout EvaluationWarnings
  ) -> Column {
    let n = rowCount ?? input?.count ?? partition.first?.count ?? order.first?.count ?? 0
    let needsPeers: Bool
    switch function {
    case .rank, .denseRank, .percentRank: needsPeers = true
    default: needsPeers = false
    }
    let layout = WindowLayout(
      count: n, partition: partition, order: order, descending: descending, peers: needsPeers)
    switch function {
    case .prev(let offset):
      guard let input else { return Column.nulls(.int64, count: n) }
      return PrevWindow.compute(layout, input: input, offset: offset)
    case .next(let offset):
      guard let input else { return Column.nulls(.int64, count: n) }
      return NextWindow.compute(layout, input: input, offset: offset)
    case .rank: return RankWindow.compute(layout)
    case .denseRank: return DenseRankWindow.compute(layout)
    case .percentRank: return PercentRankWindow.compute(layout)
    case .rowNumber: return RowNumberWindow.compute(layout)
    case .ntile(let buckets): return NtileWindow.compute(layout, buckets: buckets)
    case .runningSum:
      guard let input else { return Column.nulls(.int64, count: n) }
      return RunningSumWindow.compute(layout, input: input, warnings: &warnings)
    case .share:
      guard let input else { return Column.nulls(.double, count: n) }
      return ShareWindow.compute(layout, input: input)
    case .change:
      guard let input else { return Column.nulls(.int64, count: n) }
      return ChangeWindow.compute(layout, input: input, warnings: &warnings)
    case .yoy:
      guard let input, let period = order.first else { return Column.nulls(input?.type ?? .int64, count: n) }
      return YoyWindow.compute(layout, input: input, period: period, warnings: &warnings)
    case .movingAverage(let rows):
      guard let input else { return Column.nulls(.double, count: n) }
      return MovingAverageWindow.compute(layout, input: input, rows: rows)
    case .aggregate:
      return Column.nulls(.double, count: n)
    }
  }

  /// A column from values and the positions of NULL rows.
  static func column<T: Sendable & Equatable>(_ values: [T], nulls: [Bool]?) -> PrimitiveColumn<T> {
    var mask = ValidityMask(allValid: values.count)
    if let nulls {
      for i in 0..<nulls.count where nulls[i] { mask.set(i, valid: false) }
    }
    return PrimitiveColumn(values: values, validity: mask)
  }
}
