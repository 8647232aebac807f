import TrappeStorage

extension SQLCompiler {
  /// `summarize`: one row per key combination, in order of first appearance (`min(__ord)`);
  /// without keys exactly one row, even over no rows.
  mutating func aggregate(
    _ child: LogicalPlan, keys: [ProjectedColumn], aggregates: [NamedAggregate]
  ) throws(SQLError) -> SQLStage {
    let input = try compile(child)
    let s = scope(input)
    var items = ["min(\(ord)) AS \(ord)"]
    var groups: [String] = []
    for key in keys {
      let sql = try expression(key.expression, s)
      items.append("\(sql) AS \(dialect.identifier(key.name))")
      groups.append(sql)
    }
    for aggregate in aggregates {
      items.append("\(try aggregateSQL(aggregate.call, s, filter: nil)) AS \(dialect.identifier(aggregate.name))")
    }
    var columns = LogicalPlan.aggregate(child, keys: keys, aggregates: aggregates).columns
    for (offset, key) in keys.enumerated() where key.unit == nil {
      columns[offset].unit = unit(of: key.expression, s)
    }
    for (offset, aggregate) in aggregates.enumerated() where aggregate.call.type == .period {
      columns[keys.count + offset].unit = aggregate.call.input.flatMap { unit(of: $0, s) }
    }
    var body = "SELECT \(items.joined(separator: ", ")) FROM \(input.name)"
    if !groups.isEmpty { body += " GROUP BY \(groups.joined(separator: ", "))" }
    let grouped = add(body, columns: columns)
    guard groups.isEmpty else { return grouped }
    // min(__ord) is NULL over no rows; the single row still needs an ordinal.
    let list = columns.map { ", " + dialect.identifier($0.name) }.joined()
    return add("SELECT COALESCE(\(ord), 1) AS \(ord)\(list) FROM \(grouped.name)", columns: columns)
  }

  /// An aggregate over the rows of a group (and `filter`, for pivot cells), with Trappe's
  /// semantics: NULLs skipped, bools as 0/1, integer sums checked, first/last in row order,
  /// string min/max in Danish order, median and percentile interpolated, stdev with n - 1.
  /// The switch is exhaustive on purpose.
  func aggregateSQL(_ call: AggregateCall, _ scope: SQLScope, filter: String?) throws(SQLError) -> String {
    func name(_ n: SQLFunctionName) -> String { dialect.functionName(n) }
    let x = try call.input.map { (e: BoundExpression) throws(SQLError) in try expression(e, scope) }
    let inputType = call.input?.type ?? .int64
    let numeric = inputType == .bool ? dialect.cast(x ?? "NULL", to: .double, unit: nil) : (x ?? "NULL")
    func filtered(_ extra: String?) -> String {
      let conditions = [extra, filter].compactMap { $0 }
      return conditions.isEmpty ? "" : " FILTER (WHERE \(conditions.joined(separator: " AND ")))"
    }
    let notNull = x.map { "\($0) IS NOT NULL" }
    let sql: String
    switch call.function {
    case .count:
      sql = "CAST(\(name(.count))(\(x ?? "*"))\(filtered(nil)) AS BIGINT)"
    case .count_distinct:
      sql = "CAST(\(name(.count))(DISTINCT \(x ?? "*"))\(filtered(nil)) AS BIGINT)"
    case .sum:
      if call.type == .int64 {
        let v = inputType == .bool ? "CAST(\(x ?? "NULL") AS INTEGER)" : (x ?? "NULL")
        sql = dialect.tryCast(
          "\(name(.sum))(\(dialect.integerSumArgument(v)))\(filtered(nil))", to: .int64, unit: nil)
      } else {
        sql = "\(name(.compensatedSum))(\(dialect.cast(numeric, to: .double, unit: nil)))\(filtered(nil))"
      }
    case .avg where inputType != .double:
      // Ints (bools as 0/1) are summed exactly, as Trappe does, then divided.
      let v = inputType == .bool ? "CAST(\(x ?? "NULL") AS INTEGER)" : (x ?? "NULL")
      sql = "\(name(.avg))(\(v))\(filtered(nil))"
    case .avg:
      // The compensated sum over the count, as Trappe computes a mean of doubles.
      let d = dialect.cast(numeric, to: .double, unit: nil)
      sql = "(\(name(.compensatedSum))(\(d))\(filtered(nil)) / NULLIF(\(name(.count))(\(d))\(filtered(nil)), 0))"
    case .min, .max:
      let isMin = call.function == .min
      if inputType == .string, let x {
        let keys = dialect.collationKeys(x).map { SQLOrderItem($0, descending: !isMin) }
        sql = "\(dialect.first(x, orderedBy: keys))\(filtered(notNull))"
      } else {
        sql = "\(name(isMin ? .min : .max))(\(x ?? "NULL"))\(filtered(nil))"
      }
    case .median:
      sql = "\(name(.quantile))(\(dialect.cast(numeric, to: .double, unit: nil)), 0.5)\(filtered(nil))"
    case .percentile:
      guard let p = call.parameter, !p.isNaN else { return dialect.literal(.null, type: call.type, unit: nil) }
      let fraction = Swift.min(Swift.max(p, 0), 100) / 100
      sql = "\(name(.quantile))(\(dialect.cast(numeric, to: .double, unit: nil)), \(fraction))\(filtered(nil))"
    case .stdev:
      sql = "\(name(.stddev))(\(dialect.cast(numeric, to: .double, unit: nil)))\(filtered(nil))"
    case .first:
      sql = "\(name(.argMin))(\(x ?? "NULL"), \(ord))\(filtered(notNull))"
    case .last:
      sql = "\(name(.argMax))(\(x ?? "NULL"), \(ord))\(filtered(notNull))"
    case .count_if:
      // Rows where the condition is true; 0 (not NULL) when there are none.
      sql = "CAST(\(name(.count))(CASE WHEN \(x ?? "NULL") THEN 1 END)\(filtered(nil)) AS BIGINT)"
    case .corr:
      // Pairs where both are not NULL; NULL with fewer than 2 pairs or a constant side (an exact
      // test, as Trappe's), clamped to [-1, 1].
      let y = try call.argument.map { (e: BoundExpression) throws(SQLError) in try expression(e, scope) } ?? "NULL"
      let (dx, dy) = (dialect.cast(x ?? "NULL", to: .double, unit: nil), dialect.cast(y, to: .double, unit: nil))
      let pairs = filtered("\(dx) IS NOT NULL AND \(dy) IS NOT NULL")
      let r = dialect.correlation(dy, dx, filter: pairs)
      sql = "CASE WHEN count(*)\(pairs) < 2 OR min(\(dx))\(pairs) = max(\(dx))\(pairs) "
        + "OR min(\(dy))\(pairs) = max(\(dy))\(pairs) THEN NULL ELSE greatest(-1.0, least(1.0, \(r))) END"
    case .arg_max, .arg_min:
      // x at the row with the largest (smallest) `by`; ties to the first row in input order.
      let by = try call.argument.map { (e: BoundExpression) throws(SQLError) in try expression(e, scope) } ?? "NULL"
      let order = [SQLOrderItem(by, descending: call.function == .arg_max), SQLOrderItem(ord, descending: nil)]
      sql = "\(dialect.first(x ?? "NULL", orderedBy: order))\(filtered("\(by) IS NOT NULL"))"
    }
    // A double result that is not finite (a sum beyond the double range) is NULL, as in Trappe.
    return call.type == .double ? "(CASE WHEN \(dialect.isFinite(sql)) THEN \(sql) END)" : sql
  }
}
