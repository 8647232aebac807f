import TrappeStorage

extension SQLCompiler {
  /// `extend ... over P order by K`: one column per window computation (semantics.md):
  /// aggregates with `order by` are running values over SQL's default frame (RANGE, peers
  /// included), without it the whole partition; first/last skip NULLs; row-based functions
  /// break ties in the order keys by input order (`__ord`).
  ///
  /// `first`/`last` with `order by` pick, among the frame's non-NULL values, the one at the
  /// smallest/largest position in the stable order (keys, then `__ord`): a first stage numbers
  /// the rows (`__posN`), so ties in the order keys go by input order as in the other functions.
  mutating func window(_ child: LogicalPlan, _ windows: [NamedWindow]) throws(SQLError) -> SQLStage {
    var input = try compile(child)
    let s = scope(input)
    var positions: [Int: String] = [:]
    var numbering: [String] = []
    for (index, window) in windows.enumerated() {
      guard case .aggregate(let function, _) = window.call.function, function == .first || function == .last,
        !window.call.order.isEmpty
      else { continue }
      let position = dialect.identifier("__pos\(index)")
      positions[index] = position
      numbering.append(
        "row_number() OVER (\(try partitionBy(window.call, s)) ORDER BY \((try orderItems(window.call.order, scope: s) + [ord]).joined(separator: ", "))) AS \(position)"
      )
    }
    let kept = [ord] + references(input)
    if !numbering.isEmpty {
      input = add("SELECT \((kept + numbering).joined(separator: ", ")) FROM \(input.name)", columns: input.columns)
    }
    var items = kept
    var columns = input.columns
    for (index, window) in windows.enumerated() {
      items.append("\(try windowSQL(window.call, s, position: positions[index])) AS \(dialect.identifier(window.name))")
      let u = window.call.type == .period ? window.call.input.flatMap { unit(of: $0, s) } : nil
      columns.append(PlanColumn(name: window.name, type: window.call.type, unit: u))
    }
    return add("SELECT \(items.joined(separator: ", ")) FROM \(input.name)", columns: columns)
  }

  /// `PARTITION BY ...`, or nothing without partition keys.
  private func partitionBy(_ call: WindowCall, _ scope: SQLScope) throws(SQLError) -> String {
    var partition: [String] = []
    for key in call.partition { partition.append(try expression(key, scope)) }
    return partition.isEmpty ? "" : "PARTITION BY \(partition.joined(separator: ", "))"
  }

  /// One window computation (`position`: the stable row number of first/last with order by).
  /// The switch is exhaustive on purpose.
  func windowSQL(_ call: WindowCall, _ scope: SQLScope, position: String? = nil) throws(SQLError) -> String {
    func name(_ n: SQLFunctionName) -> String { dialect.functionName(n) }
    var partition: [String] = []
    for key in call.partition { partition.append(try expression(key, scope)) }
    let partitionBy = partition.isEmpty ? "" : "PARTITION BY \(partition.joined(separator: ", "))"
    let keys = try orderItems(call.order, scope: scope)
    func over(_ order: [String], frame: String = "") -> String {
      let parts = [partitionBy, order.isEmpty ? "" : "ORDER BY \(order.joined(separator: ", "))", frame]
      return "OVER (\(parts.filter { !$0.isEmpty }.joined(separator: " ")))"
    }
    let stable = keys + [ord]
    let x = try call.input.map { (e: BoundExpression) throws(SQLError) in try expression(e, scope) } ?? "NULL"
    let isInt = call.type == .int64
    func checked(_ sql: String) -> String {
      isInt ? dialect.tryCast(sql, to: .int64, unit: nil) : dialect.cast(sql, to: call.type, unit: nil)
    }
    switch call.function {
    case .prev(let offset):
      return "\(name(.lag))(\(x), \(offset)) \(over(stable))"
    case .next(let offset):
      return "\(name(.lead))(\(x), \(offset)) \(over(stable))"
    case .rank: return "CAST(\(name(.rank))() \(over(keys)) AS BIGINT)"
    case .denseRank: return "CAST(\(name(.denseRank))() \(over(keys)) AS BIGINT)"
    case .percentRank: return "CAST(\(name(.percentRank))() \(over(keys)) AS DOUBLE)"
    case .rowNumber: return "CAST(\(name(.rowNumber))() \(over(stable)) AS BIGINT)"
    case .ntile(let buckets): return "CAST(\(name(.ntile))(\(buckets)) \(over(stable)) AS BIGINT)"
    case .runningSum:
      let v = call.input?.type == .bool ? "CAST(\(x) AS INTEGER)" : x
      let sum = name(call.type == .double ? .compensatedSum : .sum)
      let summed = call.type == .double ? v : dialect.integerSumArgument(v)
      let running = checked("\(sum)(\(summed)) \(over(stable, frame: "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW"))")
      return call.type == .double ? "(CASE WHEN \(dialect.isFinite(running)) THEN \(running) END)" : running
    case .share:
      let isDouble = call.input?.type == .double
      let total = "\(name(isDouble ? .compensatedSum : .sum))(\(isDouble ? x : dialect.integerSumArgument(x))) \(over([]))"
      return "(\(dialect.cast(x, to: .double, unit: nil)) / NULLIF(\(dialect.cast(total, to: .double, unit: nil)), 0))"
    case .change:
      let previous = "\(name(.lag))(\(x), 1) \(over(stable))"
      if isInt { return dialect.tryCast("\(dialect.wideInteger(x)) - \(previous)", to: .int64, unit: nil) }
      return "(\(dialect.cast(x, to: .double, unit: nil)) - \(dialect.cast(previous, to: .double, unit: nil)))"
    case .yoy:
      // The row of the same period a year earlier, by value: a RANGE frame on a key in which that
      // period is `offset` before (months and quarters counted from year 0, ISO weeks as
      // isoyear × 53 + week); exactly one row must hold it.
      guard let key = call.order.first else { return dialect.literal(.null, type: call.type, unit: nil) }
      let p = try expression(key.expression, scope)
      let (k, offset) = dialect.serial(ofPeriod: p, unit: unit(of: key.expression, scope) ?? .year)
      let w = over(["\(k) ASC"], frame: "RANGE BETWEEN \(offset) PRECEDING AND \(offset) PRECEDING")
      let earlier = "max(\(x)) \(w)"
      let difference =
        isInt
        ? dialect.tryCast("\(dialect.wideInteger(x)) - \(earlier)", to: .int64, unit: nil)
        : "(\(dialect.cast(x, to: .double, unit: nil)) - \(dialect.cast(earlier, to: .double, unit: nil)))"
      return "(CASE WHEN \(p) IS NOT NULL AND count(*) \(w) = 1 THEN \(difference) END)"
    case .movingAverage(let rows):
      let w = over(stable, frame: "ROWS BETWEEN \(rows - 1) PRECEDING AND CURRENT ROW")
      let inputType = call.input?.type ?? .int64
      let mean =
        inputType == .double
        ? "(\(name(.compensatedSum))(\(x)) \(w) / NULLIF(\(name(.count))(\(x)) \(w), 0))"
        : "CAST(\(name(.avg))(\(x)) \(w) AS DOUBLE)"
      return "(CASE WHEN count(*) \(w) = \(rows) AND \(dialect.isFinite(mean)) THEN \(mean) END)"
    case .aggregate(let function, let parameter):
      let sql = try windowAggregate(
        function, parameter: parameter, call: call, x: x, keys: keys, position: position, over: over)
      // A double result that is not finite (a sum beyond the double range) is NULL, as in Trappe.
      return call.type == .double ? "(CASE WHEN \(dialect.isFinite(sql)) THEN \(sql) END)" : sql
    }
  }

  private func windowAggregate(
    _ function: AggregateFunction, parameter: Double?, call: WindowCall, x: String, keys: [String],
    position: String?, over: ([String], String) -> String
  ) throws(SQLError) -> String {
    func name(_ n: SQLFunctionName) -> String { dialect.functionName(n) }
    let whole = keys.isEmpty
    let frame = over(keys, "")
    let inputType = call.input?.type ?? .int64
    let numeric = inputType == .bool || inputType == .int64 ? dialect.cast(x, to: .double, unit: nil) : x
    switch function {
    case .count: return "CAST(\(name(.count))(\(call.input == nil ? "*" : x)) \(frame) AS BIGINT)"
    case .count_distinct: return "CAST(\(dialect.windowCountDistinct(x, over: frame)) AS BIGINT)"
    case .sum:
      if call.type == .int64 {
        let v = inputType == .bool ? "CAST(\(x) AS INTEGER)" : x
        return dialect.tryCast("\(name(.sum))(\(dialect.integerSumArgument(v))) \(frame)", to: .int64, unit: nil)
      }
      return "\(name(.compensatedSum))(\(numeric)) \(frame)"
    case .avg where inputType != .double:
      // Ints (bools as 0/1) are summed exactly, as Trappe does, then divided.
      return "\(name(.avg))(\(inputType == .bool ? "CAST(\(x) AS INTEGER)" : x)) \(frame)"
    case .avg: return "(\(name(.compensatedSum))(\(numeric)) \(frame) / NULLIF(\(name(.count))(\(numeric)) \(frame), 0))"
    case .min, .max:
      if inputType == .string {
        // Danish order: the value with the smallest (largest) list of collation keys; NULLs skipped.
        let keys = "CASE WHEN \(x) IS NULL THEN NULL ELSE \(dialect.list(dialect.collationKeys(x))) END"
        return "\(name(function == .min ? .argMin : .argMax))(\(x), \(keys)) \(frame)"
      }
      return "\(name(function == .min ? .min : .max))(\(x)) \(frame)"
    case .median: return "\(name(.quantile))(\(numeric), 0.5) \(frame)"
    case .percentile:
      guard let p = parameter, !p.isNaN else { return dialect.literal(.null, type: .double, unit: nil) }
      return "\(name(.quantile))(\(numeric), \(Swift.min(Swift.max(p, 0), 100) / 100)) \(frame)"
    case .stdev: return "\(name(.stddev))(\(numeric)) \(frame)"
    case .count_if: return "CAST(\(name(.count))(CASE WHEN \(x) THEN 1 END) \(frame) AS BIGINT)"
    case .corr, .arg_max, .arg_min:
      throw SQLError("\(function.rawValue) has no window form (Trappe refuses it with over)")
    case .first, .last:
      let f = dialect.firstValue(x, last: function == .last)
      if whole {
        return "\(f) "
          + over([ord], "ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING")
      }
      guard let position else { return "\(f) \(frame)" }
      let pick = function == .first ? name(.argMin) : name(.argMax)
      return "\(pick)(\(x), CASE WHEN \(x) IS NULL THEN NULL ELSE \(position) END) \(frame)"
    }
  }
}
