import TrappeStorage

/// A tree of relational operators, the binder's output and the executor's input.
///
/// Every node knows its output columns (``columns``). Column references in a
/// node's expressions are indices into its child's output.
package indirect enum LogicalPlan: Sendable, Equatable {
  /// Reads a table; `columns` lists the input columns the rest of the plan uses
  /// (projection push-down), in output order.
  case scan(name: String, table: Table, columns: [Int])
  /// Keeps the rows where the predicate is true.
  case filter(LogicalPlan, BoundExpression)
  /// Computes the output columns from the child's.
  case project(LogicalPlan, [ProjectedColumn])
  /// Groups by `keys` and computes `aggregates`; output is keys then aggregates.
  case aggregate(LogicalPlan, keys: [ProjectedColumn], aggregates: [NamedAggregate])
  /// Appends one column per window computation.
  case window(LogicalPlan, [NamedWindow])
  /// Orders the rows.
  case sort(LogicalPlan, [BoundSortKey])
  /// The first `count` rows by the keys, without a full sort.
  case topN(LogicalPlan, [BoundSortKey], count: Int)
  /// The first `count` rows.
  case limit(LogicalPlan, count: Int)
  /// One row per distinct combination of all columns, first occurrence order.
  case distinct(LogicalPlan)
  /// An equi-join; the output is the left columns, then the right columns `rightColumns` (renamed `rightNames`).
  case join(
    LogicalPlan, LogicalPlan, kind: JoinKind, leftKeys: [BoundExpression], rightKeys: [BoundExpression],
    rightColumns: [Int], rightNames: [String])
  /// Rows of both, columns matched by name.
  case union(LogicalPlan, LogicalPlan, columns: [PlanColumn])
  /// One row per `by` combination and one column per distinct key value.
  case pivot(LogicalPlan, by: [Int], key: BoundExpression, value: AggregateCall)
  /// One row per input row and unpivoted column.
  case unpivot(LogicalPlan, columns: [Int], nameColumn: String, valueColumn: String, valueType: DataType)
  /// The number of rows, as a one-row table with column `count`.
  case count(LogicalPlan)
  /// An analysis command (bench, gap, flow, ...) over the whole input.
  case analysis(LogicalPlan, AnalysisNode)
  /// A subplan the binder ran while binding, because later stages need the columns only its
  /// result names (a pivot's value columns); executing this node returns `result`.
  case materialized(LogicalPlan, result: MaterializedResult)

  /// The output columns (pivot's are known only after execution: its fixed columns are listed).
  var columns: [PlanColumn] {
    switch self {
    case .scan(_, let table, let columns):
      return columns.map { index in
        let field = table.schema.fields[index]
        var unit: PeriodUnit?
        if case .period(let p) = table.columns[index] { unit = p.unit }
        return PlanColumn(name: field.name, type: field.type, unit: unit)
      }
    case .filter(let child, _), .sort(let child, _), .topN(let child, _, _), .limit(let child, _),
      .distinct(let child):
      return child.columns
    case .project(_, let projected):
      return projected.map { PlanColumn(name: $0.name, type: $0.expression.type, unit: $0.unit) }
    case .aggregate(_, let keys, let aggregates):
      return keys.map { PlanColumn(name: $0.name, type: $0.expression.type, unit: $0.unit) }
        + aggregates.map { PlanColumn(name: $0.name, type: $0.call.type, unit: $0.call.input.flatMap { _ in nil }) }
    case .window(let child, let windows):
      return child.columns + windows.map { PlanColumn(name: $0.name, type: $0.call.type) }
    case .join(let left, let right, let kind, _, _, let rightColumns, let rightNames):
      if kind == .anti { return left.columns }
      let rightAll = right.columns
      return left.columns
        + zip(rightColumns, rightNames).map { index, name in
          PlanColumn(name: name, type: rightAll[index].type, unit: rightAll[index].unit)
        }
    case .union(_, _, let columns):
      return columns
    case .pivot(let child, let by, _, _):
      let all = child.columns
      return by.map { all[$0] }
    case .unpivot(let child, let columns, let nameColumn, let valueColumn, let valueType):
      let all = child.columns
      let kept = all.indices.filter { !columns.contains($0) }.map { all[$0] }
      return kept + [PlanColumn(name: nameColumn, type: .string), PlanColumn(name: valueColumn, type: valueType)]
    case .count:
      return [PlanColumn(name: "count", type: .int64)]
    case .analysis(_, let node):
      return node.operation.columns
    case .materialized(_, let result):
      return zip(result.table.schema.fields, result.table.columns).map { field, column in
        var unit: PeriodUnit?
        if case .period(let p) = column { unit = p.unit }
        return PlanColumn(name: field.name, type: field.type, unit: unit)
      }
    }
  }
}

extension LogicalPlan {
  /// The names of the tables the plan scans, left to right.
  package var scannedTables: [String] {
    switch self {
    case .scan(let name, _, _): return [name]
    case .filter(let c, _), .project(let c, _), .aggregate(let c, _, _), .window(let c, _), .sort(let c, _),
      .topN(let c, _, _), .limit(let c, _), .distinct(let c), .pivot(let c, _, _, _), .unpivot(let c, _, _, _, _),
      .count(let c), .analysis(let c, _), .materialized(let c, _):
      return c.scannedTables
    case .join(let l, let r, _, _, _, _, _), .union(let l, let r, _):
      return l.scannedTables + r.scannedTables
    }
  }
}
