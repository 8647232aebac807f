import TrappeBase

/// Renders a logical plan as an indented tree, for `explain`.
///
///     project kommune, andel = ((100.0 * startet) / personer)
///     └─ topN 10 by andel desc
///        └─ aggregate by kommune: personer = sum(personer), ...
///           └─ filter (runde == 5)
///              └─ scan resultater [kommune, runde, personer, startet]
package enum PlanPrinter {
  /// The tree as text, one node per line.
  package static func render(_ plan: LogicalPlan) -> String {
    var lines: [String] = []
    walk(plan, prefix: "", childPrefix: "", into: &lines)
    return lines.joined(separator: "\n")
  }

  private static func walk(_ plan: LogicalPlan, prefix: String, childPrefix: String, into lines: inout [String]) {
    lines.append(prefix + describe(plan))
    let children = inputs(plan)
    for (index, child) in children.enumerated() {
      let last = index == children.count - 1
      walk(
        child, prefix: childPrefix + (last ? "└─ " : "├─ "), childPrefix: childPrefix + (last ? "   " : "│  "),
        into: &lines)
    }
  }

  private static func inputs(_ plan: LogicalPlan) -> [LogicalPlan] {
    switch plan {
    case .scan: return []
    case .filter(let c, _), .project(let c, _), .aggregate(let c, _, _), .window(let c, _), .sort(let c, _),
      .topN(let c, _, _), .limit(let c, _), .distinct(let c), .pivot(let c, _, _, _), .unpivot(let c, _, _, _, _),
      .count(let c), .analysis(let c, _), .materialized(let c, _):
      return [c]
    case .join(let l, let r, _, _, _, _, _), .union(let l, let r, _): return [l, r]
    }
  }

  private static func describe(_ plan: LogicalPlan) -> String {
    switch plan {
    case .scan(let name, let table, let columns):
      let names = columns.map { table.schema.fields[$0].name }
      let all = columns.count == table.columnCount
      return "scan \(name) [\(names.joined(separator: ", "))]\(all ? "" : " (\(columns.count) of \(table.columnCount) columns)")"
    case .filter(let child, let predicate):
      return "filter \(text(predicate, child.columns))"
    case .project(let child, let columns):
      return "project "
        + columns.map { column in
          let expression = text(column.expression, child.columns)
          return expression == column.name || expression == Identifier.quoted(column.name)
            ? expression : "\(column.name) = \(expression)"
        }.joined(separator: ", ")
    case .aggregate(let child, let keys, let aggregates):
      let calls = aggregates.map { "\(display($0.name)) = \(text($0.call, child.columns))" }.joined(separator: ", ")
      let by = keys.map { text($0.expression, child.columns) }.joined(separator: ", ")
      return "aggregate \(calls)\(keys.isEmpty ? "" : " by \(by)")"
    case .window(let child, let windows):
      return "window "
        + windows.map { "\(display($0.name)) = \(text($0.call, child.columns))" }.joined(separator: ", ")
    case .sort(let child, let keys):
      return "sort by \(text(keys, child.columns))"
    case .topN(let child, let keys, let count):
      return "topN \(count) by \(text(keys, child.columns))"
    case .limit(_, let count):
      return "limit \(count)"
    case .distinct:
      return "distinct"
    case .join(let left, let right, let kind, let lk, let rk, _, _):
      let pairs = zip(lk, rk).map { "\(text($0, left.columns)) == right.\(text($1, right.columns))" }
      return "join \(kind.rawValue) on \(pairs.joined(separator: ", "))"
    case .union:
      return "union"
    case .pivot(let child, let by, let key, let value):
      let names = child.columns
      return "pivot \(text(key, names)) values \(text(value, names)) by \(by.map { names[$0].name }.joined(separator: ", "))"
    case .unpivot(let child, let columns, let name, let value, _):
      return "unpivot \(columns.map { child.columns[$0].name }.joined(separator: ", ")) into \(name), \(value)"
    case .count:
      return "count"
    case .analysis(_, let node):
      return node.operation.summary
    case .materialized(_, let result):
      let table = result.table
      return "materialized while binding, for the stages after it: \(table.rowCount) rows "
        + "[\(table.schema.names.joined(separator: ", "))]"
    }
  }

  /// Synthetic names (`\u{1}a0`) shown as `#a0`.
  static func display(_ name: String) -> String {
    name.hasPrefix(BindingScope.syntheticPrefix) ? "#" + name.dropFirst() : name
  }

  static func text(_ keys: [BoundSortKey], _ columns: [PlanColumn]) -> String {
    keys.map { text($0.expression, columns) + ($0.descending ? " desc" : "") }.joined(separator: ", ")
  }

  static func text(_ call: AggregateCall, _ columns: [PlanColumn]) -> String {
    let argument = call.input.map { text($0, columns) } ?? "*"
    let second = call.argument.map { ", " + text($0, columns) } ?? ""
    return "\(call.function.rawValue)(\(argument)\(second)\(call.parameter.map { ", \(NumberFormatting.plain($0))" } ?? ""))"
  }

  static func text(_ call: WindowCall, _ columns: [PlanColumn]) -> String {
    let name: String
    switch call.function {
    case .prev(let n): name = n == 1 ? "prev" : "prev[\(n)]"
    case .next(let n): name = n == 1 ? "next" : "next[\(n)]"
    case .rank: name = "rank"
    case .denseRank: name = "dense_rank"
    case .percentRank: name = "percent_rank"
    case .rowNumber: name = "row_number"
    case .ntile(let n): name = "ntile[\(n)]"
    case .runningSum: name = "running_sum"
    case .share: name = "share"
    case .change: name = "change"
    case .yoy: name = "yoy"
    case .movingAverage(let n): name = "moving_avg[\(n)]"
    case .aggregate(let f, _): name = f.rawValue
    }
    var result = "\(name)(\(call.input.map { text($0, columns) } ?? ""))"
    // Several keys in parentheses, as the query must write them.
    let partition = call.partition.map { text($0, columns) }.joined(separator: ", ")
    if !call.partition.isEmpty { result += call.partition.count == 1 ? " over \(partition)" : " over (\(partition))" }
    let order = text(call.order, columns)
    if !call.order.isEmpty { result += call.order.count == 1 ? " order by \(order)" : " order by (\(order))" }
    return result
  }

  /// An expression with column names in place of indices.
  static func text(_ expression: BoundExpression, _ columns: [PlanColumn]) -> String {
    switch expression {
    case .column(let index, _):
      guard index < columns.count else { return "#\(index)" }
      let name = columns[index].name
      // Quoted as a query writes it, so `2009` - `2008` does not read as arithmetic on numbers.
      return name.hasPrefix(BindingScope.syntheticPrefix) ? display(name) : Identifier.quoted(name)
    case .literal(let value, _):
      if case .string(let s) = value { return "\"\(s)\"" }
      return value.description
    case .negate(let e): return "-\(text(e, columns))"
    case .not(let e): return "not \(text(e, columns))"
    case .arithmetic(let op, let a, let b, _): return "(\(text(a, columns)) \(op.rawValue) \(text(b, columns)))"
    case .comparison(let op, let a, let b): return "(\(text(a, columns)) \(op.rawValue) \(text(b, columns)))"
    case .logical(let op, let a, let b): return "(\(text(a, columns)) \(op.rawValue) \(text(b, columns)))"
    case .isNull(let e, let negated): return "(\(text(e, columns)) is \(negated ? "not " : "")null)"
    case .inList(let e, let values, let negated):
      let list = values.map { value -> String in
        if case .string(let s) = value { return "\"\(s)\"" }
        return value.description
      }
      return "(\(text(e, columns)) \(negated ? "not in" : "in") (\(list.joined(separator: ", "))))"
    case .coalesce(let parts, _): return "coalesce(\(parts.map { text($0, columns) }.joined(separator: ", ")))"
    case .conditional(let branches, let otherwise, _):
      var result = "case"
      for branch in branches { result += " when \(text(branch.condition, columns)) then \(text(branch.value, columns))" }
      if let otherwise { result += " else \(text(otherwise, columns))" }
      return result + " end"
    case .call(let function, let arguments, _):
      return "\(function.rawValue)(\(arguments.map { text($0, columns) }.joined(separator: ", ")))"
    case .cast(let e, let type): return "\(type.name)(\(text(e, columns)))"
    }
  }
}
