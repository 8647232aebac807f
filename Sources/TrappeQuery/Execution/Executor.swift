import TrappeBase
import TrappeStorage

/// Runs a ``LogicalPlan`` over the columnar tables, operator by operator.
///
/// Expressions are evaluated a whole column at a time; filters produce
/// selection vectors; grouping and joins hash on dictionary codes and integers.
package struct Executor {
  /// Counts of NULLs produced by division by zero and similar, reported after the result.
  package var warnings = EvaluationWarnings()
  /// Footer lines from analyses (method, N, caveats).
  package var notes: [String] = []
  /// The error an analysis stopped with; `run` rethrows it instead of "interrupted".
  package var failure: Diagnostic?
  /// The rows that went into the first summarize, pivot, count or analysis (after filters), for the footer's N.
  package var aggregatedRows: Int?
  /// How deep the run is inside the right side of joins and unions, whose summaries are not the query's N.
  fileprivate var sideDepth = 0
  /// Rows per morsel (a multiple of 64): ``Morsels/configuredRows``; tests set a few hundred to get
  /// several morsels from small tables. Results never depend on ``threads``; double sums may
  /// depend on this in their last bits.
  package var morselRows = Morsels.configuredRows
  /// The threads morsels run on; nil: ``Parallelism/threads`` (the session's `.threads`).
  package var threads: Int?
  /// Whether `summarize` groups and aggregates in morsels (``GroupIndex/buildInMorsels(keys:rowCount:morselRows:threads:)``,
  /// ``Aggregator/computeInMorsels(_:input:groups:morselRows:threads:parallel:warnings:)``). Off by
  /// default: Scripts/bench measured it slower than one pass, even on two threads, because the
  /// aggregate kernels take whole arrays and every morsel copies its rows first. Tests turn it on.
  package var morselAggregation = false
  /// Whether fused filters run over morsels' row ranges on more than one thread
  /// (``SelectionKernel/selectionInMorsels(_:on:morselRows:threads:warnings:)``): ``Morsels/configuredSelection``
  /// (off by default until measured on an idle machine). Tests turn it on.
  package var morselSelection = Morsels.configuredSelection
  /// Input rows from which a `summarize` of several aggregates (not fused, not in morsels)
  /// computes them on all threads, one aggregate per thread. `TRAPPE_PARALLEL_AGGREGATES_ROWS`
  /// overrides it; tests set 1 to send small tables there.
  package var parallelAggregatesMinRows = Environment.positiveInt("TRAPPE_PARALLEL_AGGREGATES_ROWS") ?? 1 << 16

  /// Runs `plan` and returns its result table.
  package init() {}

  package mutating func run(_ plan: LogicalPlan) throws(ExecutionStop) -> Table {
    let table = try execute(plan).materialized()
    // Kernels stop early on Ctrl-C; whatever they returned is not the answer.
    try Interrupt.check()
    let names = plan.columns.map(\.name)
    // A pivot's value columns are only known now; everything else takes the plan's names.
    return names.count == table.columnCount ? table.renamed(names) : table
  }

  /// Runs one plan node: each operator is in its own file under `Execution/Operators/`.
  mutating func execute(_ plan: LogicalPlan) throws(ExecutionStop) -> Relation {
    try Interrupt.check()
    switch plan {
    case .scan(_, let table, let columns):
      return try scan(table, columns: columns)
    case .filter(let child, let predicate):
      return try filter(child, predicate)
    case .project(let child, let projected):
      return try project(child, projected)
    case .aggregate(let child, let keys, let aggregates):
      return try aggregate(child, keys: keys, aggregates: aggregates)
    case .window(let child, let windows):
      return try window(child, windows)
    case .sort(let child, let keys):
      return try sort(child, keys)
    case .topN(let child, let keys, let count):
      return try topN(child, keys, count: count)
    case .limit(let child, let count):
      return try limit(child, count: count)
    case .distinct(let child):
      return try distinct(child)
    case .join(let left, let right, let kind, let leftKeys, let rightKeys, let rightColumns, let rightNames):
      return try join(
        left, right, kind: kind, leftKeys: leftKeys, rightKeys: rightKeys, rightColumns: rightColumns,
        rightNames: rightNames)
    case .union(let left, let right, let columns):
      return try union(left, right, columns: columns)
    case .pivot(let child, let by, let key, let value):
      return try pivot(child, by: by, key: key, value: value)
    case .unpivot(let child, let columns, let nameColumn, let valueColumn, _):
      return try unpivot(child, columns: columns, nameColumn: nameColumn, valueColumn: valueColumn)
    case .analysis(let child, let node):
      return try analysis(child, node)
    case .count(let child):
      return try count(child)
    case .materialized(_, let result):
      noteSummarized(result.summarizedRows)
      warnings.merge(result.warnings)
      notes += result.notes
      return Relation(table: result.table, selection: nil)
    }
  }

  /// Evaluates an expression over a relation, gathering only the columns it reads.
  mutating func evaluate(_ expression: BoundExpression, on input: Relation) throws(ExecutionStop) -> Column {
    if case .column(let index, _) = expression { return input.column(index) }
    try Interrupt.check()
    if let column = evaluateInMorsels(expression, on: input) {
      // Morsels skip their work on Ctrl-C: never use what they returned.
      try Interrupt.check()
      return column
    }
    let (table, mapping) = input.compact(expression.referencedColumns)
    let column = ExpressionEvaluator.evaluate(expression.remapped(mapping), on: table, warnings: &warnings)
    if let overrun = warnings.overrun {
      warnings.overrun = nil
      throw .overBudget(overrun)
    }
    return column
  }

  /// The row order of `input` by `keys` (the first `limit` rows only, when given).
  mutating func order(_ input: Relation, by keys: [BoundSortKey], limit: Int?) throws(ExecutionStop) -> [Int32] {
    var columns: [Column] = []
    for key in keys { columns.append(try evaluate(key.expression, on: input)) }
    try Interrupt.check()
    if limit == nil {
      // The permutation and its scratch copy (2 × 32 bits a row) and a 64-bit sort word and its
      // scratch copy per key and row.
      try MemoryBudget.require(
        OutputEstimate.bytes(rows: input.rowCount, bits: 64 + 128 * keys.count), for: "sort",
        detail: "\(MemoryBudget.describeRows(input.rowCount)) rows")
    }
    let rows = SortKernel.permutation(keys: columns, descending: keys.map(\.descending), limit: limit)
    // The kernel stops early on Ctrl-C with a partial order: never use it.
    try Interrupt.check()
    return rows
  }

  /// One window column over the (materialised) input.
  mutating func computeWindow(_ call: WindowCall, on input: Relation) throws(ExecutionStop) -> Column {
    var value: Column?
    if let expression = call.input { value = try evaluate(expression, on: input) }
    var partition: [Column] = []
    for key in call.partition { partition.append(try evaluate(key, on: input)) }
    var order: [Column] = []
    for key in call.order { order.append(try evaluate(key.expression, on: input)) }
    try Interrupt.check()
    // The layout's permutation, partition starts and group ids (3 × 64 bits a row), a sort word
    // and its scratch copy per key, and the result column.
    try MemoryBudget.require(
      OutputEstimate.bytes(rows: input.rowCount, bits: 192 + 128 * (partition.count + order.count) + 65),
      for: "extend (a window function)", detail: "\(MemoryBudget.describeRows(input.rowCount)) rows")
    if case .aggregate(let function, let parameter) = call.function {
      if order.isEmpty {
        // Without `order by` the frame is the whole partition.
        let groups = AggregateGrouping.groups(keys: partition, rowCount: input.rowCount)
        var groupWarnings = EvaluationWarnings()
        let perGroup = Aggregator.compute(
          function, input: value, parameter: parameter, groups: groups, warnings: &groupWarnings)
        if groupWarnings.overflows > 0, let value {
          // Count the rows an overflowed group made NULL, as the running windows do.
          var hasValue = [Bool](repeating: false, count: groups.groupCount)
          for row in 0..<value.count where value.validity.isValid(row) { hasValue[Int(groups.groupOf[row])] = true }
          for row in 0..<value.count {
            let group = Int(groups.groupOf[row])
            if hasValue[group] && !perGroup.validity.isValid(group) { warnings.overflows += 1 }
          }
        }
        warnings.notFinite += groupWarnings.notFinite
        return perGroup.gather(groups.groupOf)
      }
      let layout = WindowLayout(
        count: input.rowCount, partition: partition, order: order, descending: call.order.map(\.descending),
        peers: true)
      return try RunningAggregateWindow.compute(
        function, parameter: parameter, input: value, layout: layout, warnings: &warnings
      ).nullingNonFinite(&warnings)
    }
    if let key = call.periodKey {
      let compared: (String, Int)?
      switch call.function {
      case .change: compared = ("change", 1)
      case .prev(let offset): compared = ("prev", offset)
      case .next(let offset): compared = ("next", -offset)
      default: compared = nil
      }
      if let (name, offset) = compared {
        warnings.cautions += PeriodGapCheck.cautions(
          function: name, key: key, offset: offset, partition: partition, order: order,
          descending: call.order.map(\.descending))
      }
    }
    let result = WindowEvaluator.compute(
      call.function, input: value, partition: partition, order: order, descending: call.order.map(\.descending),
      rowCount: input.rowCount, warnings: &warnings)
    // A running sum of doubles beyond the double range is NULL with a warning, as `sum` is.
    return call.function == .runningSum ? result.nullingNonFinite(&warnings) : result
  }
}

/// Grouping for `summarize` and window aggregates.
enum AggregateGrouping {
  /// Groups by `keys`; without keys, all rows form one group even when there are none,
  /// so `summarize n = count()` on an empty table gives one row with 0.
  static func groups(keys: [Column], rowCount: Int) -> GroupIndex {
    if keys.isEmpty {
      return GroupIndex(
        groupOf: [Int32](repeating: 0, count: rowCount), groupCount: 1, firstRow: [rowCount > 0 ? 0 : -1])
    }
    return GroupIndex.build(keys: keys, rowCount: rowCount)
  }
}

extension Executor {
  /// Records the rows that went into a summarize, pivot, count or analysis: the first one on the
  /// query's own path (not inside the right side of a join or union) is the footer's N.
  mutating func noteSummarized(_ rows: Int?) {
    if let rows, sideDepth == 0 && aggregatedRows == nil { aggregatedRows = rows }
  }

  /// Runs the right side of a join or union.
  mutating func executeSide(_ plan: LogicalPlan) throws(ExecutionStop) -> Relation {
    sideDepth += 1
    defer { sideDepth -= 1 }
    return try execute(plan)
  }
}
