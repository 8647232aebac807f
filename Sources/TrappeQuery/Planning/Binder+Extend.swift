import TrappeBase
import TrappeStorage

extension Binder {
  /// `extend NAME = EXPR, ...`: window computations first (a window node), then a projection
  /// that keeps every input column (a new column with an existing name replaces it in place).
  func bindExtend(_ items: [NamedExpression], on plan: LogicalPlan) throws(Diagnostic) -> LogicalPlan {
    let input = BindingScope(plan.columns)
    var calls: [ExtractedCall] = []
    var rewritten: [Expression] = []
    for item in items {
      rewritten.append(try extractCalls(item.expression, windows: true, into: &calls))
    }
    var windows: [NamedWindow] = []
    for extracted in calls {
      guard case .call(let name, let nameRange, let arguments, let spec) = extracted.call.kind else { continue }
      var call = try bindWindowCall(name, nameRange: nameRange, arguments, spec: spec, expression: extracted.call, in: input)
      call.periodKey = periodKey(call.order.last, in: input, tables: plan.scannedTables)
      windows.append(NamedWindow(name: extracted.name, call: call))
    }
    let base = windows.isEmpty ? plan : .window(plan, windows)
    let scope = BindingScope(base.columns)
    var outputs: [ProjectedColumn] = input.columns.enumerated().map { index, column in
      ProjectedColumn(name: column.name, expression: .column(index, column.type), unit: column.unit)
    }
    var added: Set<String> = []
    for (index, item) in items.enumerated() {
      let name = item.name ?? defaultName(item.expression, index: index)
      guard added.insert(name).inserted else {
        throw error("the column name '\(name)' is used twice", at: item.nameRange ?? item.expression.range)
      }
      let bound = try bindScalar(rewritten[index], in: scope)
      let column = ProjectedColumn(name: name, expression: bound, unit: unit(of: bound, in: scope))
      if let existing = outputs.firstIndex(where: { $0.name == name }) {
        outputs[existing] = column
      } else {
        outputs.append(column)
      }
    }
    return .project(base, outputs)
  }

  /// The name of `key` when it is a period column, or an int column that a scanned table's
  /// manifest gives the unit year under that name (a renamed or recomputed year is not known).
  func periodKey(_ key: BoundSortKey?, in scope: BindingScope, tables: [String]) -> String? {
    guard case .column(let index, let type)? = key?.expression else { return nil }
    let name = scope.columns[index].name
    if type == .period { return name }
    guard type == .int64 else { return nil }
    return tables.contains { yearColumns($0).contains(name) } ? name : nil
  }

  /// Binds a window function call (or an aggregate with `over`).
  func bindWindowCall(
    _ name: String, nameRange: SourceRange, _ arguments: [Expression], spec: WindowSpec?, expression: Expression,
    in scope: BindingScope
  ) throws(Diagnostic) -> WindowCall {
    var partition: [BoundExpression] = []
    var order: [BoundSortKey] = []
    if let spec {
      for key in spec.partition { partition.append(try bindScalar(key, in: scope)) }
      order = try sortKeys(spec.order, in: scope)
    }
    let lowered = name.lowercased()
    if FunctionCatalog.isAggregate(lowered) {
      let call = try bindAggregateCall(name, nameRange: nameRange, arguments, expression: expression, in: scope)
      if call.function.takesTwoInputs {
        throw error(
          "\(call.function.rawValue) cannot be used with over yet", at: nameRange,
          hints: ["summarize it by the partition keys and join the result back"])
      }
      return WindowCall(
        function: .aggregate(call.function, parameter: call.parameter), input: call.input, partition: partition,
        order: order, type: call.type)
    }
    func input(_ usage: String) throws(Diagnostic) -> BoundExpression {
      guard let first = arguments.first else {
        throw error("\(lowered) needs a value", at: expression.range, hints: ["usage: \(usage)"])
      }
      return try bindScalar(first, in: scope)
    }
    func numericInput(_ usage: String) throws(Diagnostic) -> BoundExpression {
      let bound = try input(usage)
      guard bound.type.isNumeric else {
        throw error("\(lowered) needs numbers, but this is \(bound.type.name)", at: arguments[0].range)
      }
      guard arguments.count == 1 else {
        throw error("\(lowered) takes one argument", at: expression.range, hints: ["usage: \(usage)"])
      }
      return bound
    }
    func noArguments() throws(Diagnostic) {
      guard arguments.isEmpty else {
        throw error("\(lowered) takes no arguments", at: expression.range, hints: ["usage: \(lowered)() over KEY order by KEY"])
      }
    }
    switch lowered {
    case "prev", "next", "lag", "lead":
      let value = try input("\(lowered)(x [, n]) over KEY order by KEY")
      var offset = 1
      if arguments.count == 2 {
        guard case .integer(let n) = arguments[1].kind, n >= 0, n < 1_000_000 else {
          throw error("\(lowered)'s offset must be a whole number of rows", at: arguments[1].range)
        }
        offset = Int(n)
      } else if arguments.count > 2 {
        throw error("\(lowered) takes one or two arguments", at: expression.range)
      }
      return WindowCall(
        function: lowered == "prev" || lowered == "lag" ? .prev(offset: offset) : .next(offset: offset), input: value,
        partition: partition, order: order, type: value.type)
    case "rank", "dense_rank", "percent_rank", "row_number":
      try noArguments()
      let function: WindowFunction =
        lowered == "rank" ? .rank : lowered == "dense_rank" ? .denseRank : lowered == "percent_rank" ? .percentRank : .rowNumber
      return WindowCall(
        function: function, input: nil, partition: partition, order: order,
        type: function == .percentRank ? .double : .int64)
    case "ntile":
      let usage = "ntile(n) over KEY order by KEY"
      guard arguments.count == 1 else {
        throw error("ntile takes one argument, the number of buckets", at: expression.range, hints: ["usage: \(usage)"])
      }
      guard case .integer(let n) = arguments[0].kind, n >= 1, n <= Int64(Int32.max) else {
        throw error(
          "ntile's number of buckets must be a whole number from 1", at: arguments[0].range,
          hints: ["e.g. ntile(4) over region order by befolkning for quartiles"])
      }
      return WindowCall(function: .ntile(buckets: Int(n)), input: nil, partition: partition, order: order, type: .int64)
    case "running_sum":
      let value = try numericInput("running_sum(x) over KEY order by KEY")
      return WindowCall(function: .runningSum, input: value, partition: partition, order: order, type: value.type)
    case "share":
      let value = try numericInput("share(x) over KEY")
      return WindowCall(function: .share, input: value, partition: partition, order: order, type: .double)
    case "change":
      let value = try numericInput("change(x) over KEY order by PERIOD")
      return WindowCall(function: .change, input: value, partition: partition, order: order, type: value.type)
    case "yoy":
      let usage = "yoy(x) over KEY order by PERIOD (a month, quarter, week or year column)"
      let value = try numericInput(usage)
      guard order.count == 1, case .column(_, let type) = order[0].expression,
        type == .period || type == .int64
      else {
        throw error(
          "yoy needs one period column to order by: it compares each row with the row of the same period a year earlier",
          at: spec?.range ?? expression.range, hints: ["usage: \(usage)", "e.g. yoy(tilgang) order by start_uge"])
      }
      return WindowCall(function: .yoy, input: value, partition: partition, order: order, type: value.type)
    case "moving_avg":
      let usage = "moving_avg(x, n) over KEY order by KEY"
      guard arguments.count == 2 else {
        throw error("moving_avg takes two arguments: the value and the number of rows", at: expression.range, hints: ["usage: \(usage)"])
      }
      guard case .integer(let n) = arguments[1].kind, n >= 1, n <= 100_000 else {
        throw error(
          "moving_avg's window must be a whole number of rows from 1", at: arguments[1].range,
          hints: ["e.g. moving_avg(tilgang, 4) order by start_uge for a four-week average"])
      }
      let value = try input(usage)
      guard value.type.isNumeric else {
        throw error("moving_avg needs numbers, but this is \(value.type.name)", at: arguments[0].range)
      }
      if order.isEmpty {
        throw error("moving_avg needs an order", at: expression.range, hints: ["usage: \(usage)"])
      }
      return WindowCall(function: .movingAverage(rows: Int(n)), input: value, partition: partition, order: order, type: .double)
    default:
      throw error("'\(name)' cannot be used with over", at: nameRange, hints: [
        "window functions: \(FunctionCatalog.windowNames.joined(separator: ", ")), and the aggregates"
      ]).suggesting(Suggestion.nearest(to: lowered, in: FunctionCatalog.windowNames + FunctionCatalog.aggregateNames))
    }
  }
}
