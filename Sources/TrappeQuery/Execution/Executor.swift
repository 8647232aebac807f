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

  /// Runs `plan` and returns its result table.
  package init() {}

  package mutating func run(_ plan: LogicalPlan) throws(Interrupted) -> Table {
    let table = try execute(plan).materialized()
    let names = plan.columns.map(\.name)
    // A pivot's value columns are only known now; everything else takes the plan's names.
    return names.count == table.columnCount ? table.renamed(names) : table
  }

  mutating func execute(_ plan: LogicalPlan) throws(Interrupted) -> Relation {
    try Interrupt.check()
    switch plan {
    case .scan(_, let table, let columns):
      if columns.count == table.columnCount && columns == Array(0..<table.columnCount) {
        return Relation(table: table, selection: nil)
      }
      return Relation(table: Table(columns.map { (table.schema.fields[$0].name, table.columns[$0]) }), selection: nil)

    case .filter(let child, let predicate):
      let input = try execute(child)
      let (table, mapping) = input.compact(predicate.referencedColumns)
      let rows = ExpressionEvaluator.selection(predicate.remapped(mapping), on: table, warnings: &warnings)
      return input.reordered(rows)

    case .project(let child, let projected):
      let input = try execute(child)
      let hadProblem = warnings.firstRow != nil
      var named: [(String, Column)] = []
      for column in projected {
        named.append((column.name, try evaluate(column.expression, on: input)))
      }
      if !hadProblem, let row = warnings.firstRow, case .aggregate(_, let keys, _) = child, !keys.isEmpty {
        // After summarize each row is a group: say which group the first problem was in.
        warnings.location =
          "group "
          + keys.indices.map { "\(keys[$0].name) = \(input.column($0).value(at: row))" }.joined(separator: ", ")
      }
      return Relation(table: Table(named), selection: nil)

    case .aggregate(let child, let keys, let aggregates):
      let input = try execute(child)
      noteSummarized(input.rowCount)
      var keyColumns: [Column] = []
      for key in keys { keyColumns.append(try evaluate(key.expression, on: input)) }
      let groups = AggregateGrouping.groups(keys: keyColumns, rowCount: input.rowCount)
      var named: [(String, Column)] = zip(keys, keyColumns).map { ($0.name, $1.gather(groups.firstRow)) }
      for aggregate in aggregates {
        var inputColumn: Column?
        if let expression = aggregate.call.input { inputColumn = try evaluate(expression, on: input) }
        try Interrupt.check()
        named.append(
          (
            aggregate.name,
            Aggregator.compute(
              aggregate.call.function, input: inputColumn, parameter: aggregate.call.parameter, groups: groups)
          ))
      }
      return Relation(table: Table(named), selection: nil)

    case .window(let child, let windows):
      let input = try execute(child)
      let table = input.materialized()
      let base = Relation(table: table, selection: nil)
      var named: [(String, Column)] = Array(zip(table.schema.names, table.columns))
      for window in windows {
        named.append((window.name, try computeWindow(window.call, on: base)))
      }
      return Relation(table: Table(named), selection: nil)

    case .sort(let child, let keys):
      let input = try execute(child)
      return input.reordered(try order(input, by: keys, limit: nil))

    case .topN(let child, let keys, let count):
      let input = try execute(child)
      return input.reordered(try order(input, by: keys, limit: count))

    case .limit(let child, let count):
      let input = try execute(child)
      let kept = min(count, input.rowCount)
      return input.reordered((0..<kept).map { Int32($0) })

    case .distinct(let child):
      let input = try execute(child)
      let table = input.materialized()
      let groups = GroupIndex.build(keys: table.columns)
      return Relation(table: table, selection: groups.firstRow)

    case .join(let left, let right, let kind, let leftKeys, let rightKeys, let rightColumns, let rightNames):
      let l = try execute(left)
      let r = try executeSide(right)
      var lk: [Column] = []
      var rk: [Column] = []
      for key in leftKeys { lk.append(try evaluate(key, on: l)) }
      for key in rightKeys { rk.append(try evaluate(key, on: r)) }
      try Interrupt.check()
      let pairs = HashJoin.match(left: lk, right: rk, kind: kind)
      let leftTable = l.materialized()
      var named: [(String, Column)] = zip(leftTable.schema.names, leftTable.columns).map { ($0, $1.gather(pairs.left)) }
      if kind != .anti {
        let rightTable = r.materialized()
        for (index, name) in zip(rightColumns, rightNames) {
          named.append((name, rightTable.columns[index].gather(pairs.right)))
        }
      }
      return Relation(table: Table(named), selection: nil)

    case .union(let left, let right, let columns):
      let l = try execute(left).materialized()
      let r = try executeSide(right).materialized()
      guard let combined = l.union(r) else { return Relation(table: l, selection: nil) }
      return Relation(table: combined.renamed(columns.map(\.name)), selection: nil)

    case .pivot(let child, let by, let key, let value):
      let input = try execute(child)
      noteSummarized(input.rowCount)
      let table = input.materialized()
      let base = Relation(table: table, selection: nil)
      let keyColumn = try evaluate(key, on: base)
      var valueColumn: Column?
      if let expression = value.input { valueColumn = try evaluate(expression, on: base) }
      return Relation(
        table: PivotKernel.pivot(
          table: table, keyColumns: by, pivotColumn: keyColumn, function: value.function, input: valueColumn,
          parameter: value.parameter, valueType: value.type), selection: nil)

    case .unpivot(let child, let columns, let nameColumn, let valueColumn, _):
      let table = try execute(child).materialized()
      let result =
        UnpivotKernel.unpivot(table: table, columns: columns, nameColumn: nameColumn, valueColumn: valueColumn)
        ?? table
      return Relation(table: result, selection: nil)

    case .analysis(let child, let node):
      let input = try execute(child).materialized()
      noteSummarized(input.rowCount)
      do throws(Diagnostic) {
        return Relation(table: try node.operation.run(input, notes: &notes), selection: nil)
      } catch {
        failure = error
        throw Interrupted()
      }

    case .count(let child):
      let input = try execute(child)
      noteSummarized(input.rowCount)
      return Relation(table: Table([("count", .int64(Int64Column([Int64(input.rowCount)])))]), selection: nil)
    }
  }

  /// Evaluates an expression over a relation, gathering only the columns it reads.
  mutating func evaluate(_ expression: BoundExpression, on input: Relation) throws(Interrupted) -> Column {
    if case .column(let index, _) = expression { return input.column(index) }
    try Interrupt.check()
    let (table, mapping) = input.compact(expression.referencedColumns)
    return ExpressionEvaluator.evaluate(expression.remapped(mapping), on: table, warnings: &warnings)
  }

  /// The row order of `input` by `keys` (the first `limit` rows only, when given).
  mutating func order(_ input: Relation, by keys: [BoundSortKey], limit: Int?) throws(Interrupted) -> [Int32] {
    var columns: [Column] = []
    for key in keys { columns.append(try evaluate(key.expression, on: input)) }
    try Interrupt.check()
    return SortKernel.permutation(keys: columns, descending: keys.map(\.descending), limit: limit)
  }

  /// One window column over the (materialised) input.
  mutating func computeWindow(_ call: WindowCall, on input: Relation) throws(Interrupted) -> Column {
    var value: Column?
    if let expression = call.input { value = try evaluate(expression, on: input) }
    var partition: [Column] = []
    for key in call.partition { partition.append(try evaluate(key, on: input)) }
    var order: [Column] = []
    for key in call.order { order.append(try evaluate(key.expression, on: input)) }
    try Interrupt.check()
    if case .aggregate(let function, let parameter) = call.function {
      let groups = AggregateGrouping.groups(keys: partition, rowCount: input.rowCount)
      let perGroup = Aggregator.compute(function, input: value, parameter: parameter, groups: groups)
      return perGroup.gather(groups.groupOf)
    }
    return WindowEvaluator.compute(
      call.function, input: value, partition: partition, order: order, descending: call.order.map(\.descending))
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
  fileprivate mutating func noteSummarized(_ rows: Int) {
    if sideDepth == 0 && aggregatedRows == nil { aggregatedRows = rows }
  }

  /// Runs the right side of a join or union.
  fileprivate mutating func executeSide(_ plan: LogicalPlan) throws(Interrupted) -> Relation {
    sideDepth += 1
    defer { sideDepth -= 1 }
    return try execute(plan)
  }
}
