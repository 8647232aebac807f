import TrappeBase
import TrappeStorage

extension SQLCompiler {
  /// `pivot KEY values AGG(x) by COLS`: the value columns are known only after the input is
  /// evaluated, so the compiler runs the pivot's input once for the distinct key values (in
  /// Trappe's column order: ascending, strings in Danish order, `null` last) and writes one
  /// conditional aggregate per value; a cell without rows is NULL (also for `count`).
  mutating func pivot(
    _ child: LogicalPlan, by: [Int], key: BoundExpression, value: AggregateCall
  ) throws(SQLError) -> SQLStage {
    let byNames = by.map { child.columns[$0].name }
    let (values, names) = try SQLCompiler.pivotValues(child, key: key, besides: byNames)
    let shown = values.prefix(8).map { $0.isNull ? "null" : $0.description }.joined(separator: ", ")
    notes.append(
      "pivot: the SQL has one column per key value found now (\(values.count)): \(shown)"
        + (values.count > 8 ? ", ..." : "") + "; other values in the data later are left out")
    let input = try compile(child)
    let s = scope(input)
    let keySQL = try expression(key, s)
    let keyUnit = unit(of: key, s)
    let byItems = by.map { s.references[$0] }
    var items = ["min(\(ord)) AS \(ord)"] + byItems
    var columns = by.map { input.columns[$0] }
    for (v, name) in zip(values, names) {
      let condition: String
      switch v {
      case .null: condition = "\(keySQL) IS NULL"
      case .double(let d) where d.isNaN: condition = "isnan(\(keySQL))"
      default: condition = "\(keySQL) = \(dialect.literal(v, type: key.type, unit: keyUnit))"
      }
      let cell = try aggregateSQL(value, s, filter: condition)
      items.append("CASE WHEN count(*) FILTER (WHERE \(condition)) > 0 THEN \(cell) END AS \(dialect.identifier(name))")
      let cellUnit = value.type == .period ? value.input.flatMap { unit(of: $0, s) } : nil
      columns.append(PlanColumn(name: name, type: value.type, unit: cellUnit))
    }
    var body = "SELECT \(items.joined(separator: ", ")) FROM \(input.name)"
    body += byItems.isEmpty ? " HAVING count(*) > 0" : " GROUP BY \(byItems.joined(separator: ", "))"
    return add(body, columns: columns)
  }

  /// The distinct values of the pivot key over the evaluated input, in output column order, with
  /// their column names (made distinct from the `besides` columns as the executor does).
  static func pivotValues(
    _ child: LogicalPlan, key: BoundExpression, besides: [String]
  ) throws(SQLError) -> (values: [Value], names: [String]) {
    var executor = Executor()
    let table: Table
    do throws(ExecutionStop) {
      table = try executor.run(.project(child, [ProjectedColumn(name: "key", expression: key)]))
    } catch {
      if case .overBudget(let overrun) = error { throw SQLError(overrun.diagnostic.message) }
      throw SQLError("interrupted while reading the pivot's key values")
    }
    guard let column = table.columns.first else { return ([], []) }
    let index = GroupIndex.build(keys: [column], rowCount: table.rowCount)
    let (order, names) = PivotKernel.orderedValues(column, index, besides: besides)
    return (order.map { column.value(at: Int(index.firstRow[$0])) }, names)
  }
}
