import TrappeBase
import TrappeStorage

extension Binder {
  /// An aggregate call found inside a `summarize` item, and the synthetic column that stands for it.
  struct ExtractedCall {
    var name: String
    var call: Expression
  }

  /// Replaces every aggregate (or window, when `windows`) call in `expression` by a synthetic column.
  func extractCalls(
    _ expression: Expression, windows: Bool, into calls: inout [ExtractedCall], insideCall: Bool = false
  ) throws(Diagnostic) -> Expression {
    var copy = expression
    switch expression.kind {
    case .call(let name, let nameRange, let arguments, let window):
      let wanted =
        windows ? (window != nil || FunctionCatalog.isWindow(name)) : FunctionCatalog.isAggregate(name)
      if wanted {
        if insideCall && !windows {
          throw error("aggregates cannot be nested: '\(name)' is inside another aggregate", at: nameRange)
        }
        if !windows, window != nil {
          throw error(
            "over ... belongs in extend; summarize already aggregates per 'by' group",
            at: window?.range ?? nameRange)
        }
        // Arguments must not contain further calls of the same kind.
        var inner: [ExtractedCall] = []
        for argument in arguments {
          _ = try extractCalls(argument, windows: windows, into: &inner, insideCall: true)
        }
        if let nested = inner.first, windows {
          throw error("window functions cannot be nested", at: nested.call.range)
        }
        let synthetic = BindingScope.syntheticPrefix + (windows ? "w" : "a") + String(calls.count)
        calls.append(ExtractedCall(name: synthetic, call: expression))
        copy.kind = .column(name: synthetic, qualifier: nil)
        return copy
      }
      var rewritten: [Expression] = []
      for argument in arguments {
        rewritten.append(try extractCalls(argument, windows: windows, into: &calls, insideCall: insideCall))
      }
      copy.kind = .call(name: name, nameRange: nameRange, arguments: rewritten, window: window)
    case .unary(let op, let operand):
      copy.kind = .unary(op, try extractCalls(operand, windows: windows, into: &calls, insideCall: insideCall))
    case .binary(let op, let left, let right):
      copy.kind = .binary(
        op, try extractCalls(left, windows: windows, into: &calls, insideCall: insideCall),
        try extractCalls(right, windows: windows, into: &calls, insideCall: insideCall))
    case .isNull(let operand, let negated):
      copy.kind = .isNull(
        try extractCalls(operand, windows: windows, into: &calls, insideCall: insideCall), negated: negated)
    case .inList(let operand, let items, let negated):
      copy.kind = .inList(
        try extractCalls(operand, windows: windows, into: &calls, insideCall: insideCall), items, negated: negated)
    case .between(let x, let a, let b, let negated):
      copy.kind = .between(
        try extractCalls(x, windows: windows, into: &calls, insideCall: insideCall),
        try extractCalls(a, windows: windows, into: &calls, insideCall: insideCall),
        try extractCalls(b, windows: windows, into: &calls, insideCall: insideCall), negated: negated)
    case .caseWhen(let branches, let otherwise):
      var rewritten: [CaseBranch] = []
      for branch in branches {
        rewritten.append(
          CaseBranch(
            condition: try extractCalls(branch.condition, windows: windows, into: &calls, insideCall: insideCall),
            value: try extractCalls(branch.value, windows: windows, into: &calls, insideCall: insideCall)))
      }
      var rest: Expression?
      if let otherwise {
        rest = try extractCalls(otherwise, windows: windows, into: &calls, insideCall: insideCall)
      }
      copy.kind = .caseWhen(rewritten, otherwise: rest)
    default:
      break
    }
    return copy
  }

  /// `summarize ITEMS [by KEYS]`: an aggregate node, then a projection for expressions over aggregates.
  func bindSummarize(aggregates items: [NamedExpression], by keys: [NamedExpression], on plan: LogicalPlan)
    throws(Diagnostic) -> LogicalPlan
  {
    let input = BindingScope(plan.columns)
    let boundKeys = try projected(keys, in: input)
    var calls: [ExtractedCall] = []
    var rewritten: [Expression] = []
    for item in items {
      rewritten.append(try extractCalls(item.expression, windows: false, into: &calls))
    }
    var named: [NamedAggregate] = []
    for extracted in calls {
      guard case .call(let name, let nameRange, let arguments, _) = extracted.call.kind else { continue }
      let call = try bindAggregateCall(name, nameRange: nameRange, arguments, expression: extracted.call, in: input)
      named.append(NamedAggregate(name: extracted.name, call: call))
    }
    let aggregateNode = LogicalPlan.aggregate(plan, keys: boundKeys, aggregates: named)
    let post = BindingScope(aggregateNode.columns)
    var outputs: [ProjectedColumn] = boundKeys.enumerated().map { index, key in
      ProjectedColumn(name: key.name, expression: .column(index, key.expression.type), unit: key.unit)
    }
    for (index, item) in items.enumerated() {
      let name = item.name ?? defaultName(item.expression, index: index)
      if outputs.contains(where: { $0.name == name }) {
        throw error(
          "the column name '\(name)' is used twice", at: item.nameRange ?? item.expression.range,
          hints: ["name it: other_name = \(source[item.expression.range])"])
      }
      try requireGrouped(rewritten[index], post: post, input: input, keys: keys)
      let bound = try bindScalar(rewritten[index], in: post)
      outputs.append(ProjectedColumn(name: name, expression: bound, unit: unit(of: bound, in: post)))
    }
    return .project(aggregateNode, outputs)
  }

  /// Fails with a clear message when a summarize item calls an unknown function, or uses a column
  /// outside the keys and aggregates.
  func requireGrouped(_ expression: Expression, post: BindingScope, input: BindingScope, keys: [NamedExpression])
    throws(Diagnostic)
  {
    var failure: Diagnostic?
    // A call to a function Trappe does not have is the error, not the columns it was given.
    expression.visitNodes { node in
      if failure == nil, case .call(let name, let nameRange, _, _) = node.kind, !FunctionCatalog.isKnown(name) {
        failure = unknownFunction(name, at: nameRange)
      }
    }
    expression.visitColumns { name, range in
      if failure == nil, post.index(of: name) == nil, input.index(of: name) != nil {
        failure = error(
          "'\(name)' is neither a 'by' key nor inside an aggregate", at: range,
          hints: [
            "aggregate it, e.g. sum(\(name)) or first(\(name)), or add it after by"
          ])
      }
    }
    if let failure { throw failure }
  }

  /// Binds an aggregate function call against the stage's input.
  func bindAggregateCall(
    _ name: String, nameRange: SourceRange, _ arguments: [Expression], expression: Expression, in scope: BindingScope
  ) throws(Diagnostic) -> AggregateCall {
    let lowered = name.lowercased()
    guard let function = AggregateFunction(rawValue: lowered) else {
      throw error("unknown aggregate '\(name)'", at: nameRange)
        .suggesting(Suggestion.nearest(to: lowered, in: FunctionCatalog.aggregateNames))
    }
    if function == .count {
      if arguments.isEmpty { return AggregateCall(function: .count, input: nil, type: .int64) }
      if arguments.count == 1, case .star = arguments[0].kind {
        return AggregateCall(function: .count, input: nil, type: .int64)
      }
    }
    let expected = function == .percentile || function.takesTwoInputs ? 2 : 1
    guard arguments.count == expected else {
      let usage: String
      switch function {
      case .percentile: usage = "percentile(x, 90)"
      case .corr: usage = "corr(x, y)"
      case .arg_max, .arg_min: usage = "\(lowered)(x, by), e.g. \(lowered)(kommune, befolkning)"
      case .count_if: usage = "count_if(condition), e.g. count_if(befolkning > 50000)"
      default: usage = "\(lowered)(x)"
      }
      throw error(
        "\(lowered) takes \(expected) argument\(expected == 1 ? "" : "s"), not \(arguments.count)",
        at: expression.range, hints: ["usage: \(usage)"])
    }
    let input = try bindScalar(arguments[0], in: scope)
    let numeric = input.type.isNumeric
    switch function {
    case .count, .count_distinct:
      return AggregateCall(function: function, input: input, type: .int64)
    case .count_if:
      guard input.type == .bool else {
        throw error(
          "count_if needs a condition (true or false), but this is \(input.type.name)", at: arguments[0].range,
          hints: ["e.g. count_if(befolkning > 50000); to count non-NULL values use count(x)"])
      }
      return AggregateCall(function: .count_if, input: input, type: .int64)
    case .corr:
      let y = try bindScalar(arguments[1], in: scope)
      guard numeric else { throw notNumeric(lowered, input, arguments[0]) }
      guard y.type.isNumeric else { throw notNumeric(lowered, y, arguments[1]) }
      return AggregateCall(function: .corr, input: widen(input), argument: widen(y), type: .double)
    case .arg_max, .arg_min:
      let by = try bindScalar(arguments[1], in: scope)
      guard by.type.isNumeric || by.type == .period else {
        throw error(
          "\(lowered) needs a number or period to order by, but this is \(by.type.name)", at: arguments[1].range,
          hints: ["usage: \(lowered)(x, by): x at the row with the \(function == .arg_max ? "largest" : "smallest") by"])
      }
      return AggregateCall(function: function, input: input, argument: by, type: input.type)
    case .sum:
      guard numeric || input.type == .bool else { throw notNumeric(lowered, input, arguments[0]) }
      return AggregateCall(function: .sum, input: input, type: input.type == .double ? .double : .int64)
    case .avg:
      guard numeric || input.type == .bool else { throw notNumeric(lowered, input, arguments[0]) }
      return AggregateCall(function: .avg, input: input, type: .double)
    case .median, .stdev:
      guard numeric else { throw notNumeric(lowered, input, arguments[0]) }
      return AggregateCall(function: function, input: input, type: .double)
    case .percentile:
      guard numeric else { throw notNumeric(lowered, input, arguments[0]) }
      let p = try bindScalar(arguments[1], in: scope)
      var value: Double?
      if case .literal(.int64(let v), _) = p { value = Double(v) }
      if case .literal(.double(let v), _) = p { value = v }
      guard let value, (0...100).contains(value) else {
        throw error("percentile's p must be a number from 0 to 100", at: arguments[1].range)
      }
      return AggregateCall(function: .percentile, input: input, parameter: value, type: .double)
    case .min, .max, .first, .last:
      return AggregateCall(function: function, input: input, type: input.type)
    }
  }

  func notNumeric(_ name: String, _ bound: BoundExpression, _ expression: Expression) -> Diagnostic {
    error("\(name) needs numbers, but this is \(bound.type.name)", at: expression.range)
  }
}

extension Expression {
  /// Calls `visit` with the name and range of every column reference.
  func visitColumns(_ visit: (String, SourceRange) -> Void) {
    visitNodes { node in
      if case .column(let name, _) = node.kind { visit(name, node.range) }
    }
  }

  /// Calls `visit` with this expression and every expression inside it, outer before inner.
  func visitNodes(_ visit: (Expression) -> Void) {
    visit(self)
    switch kind {
    case .unary(_, let e), .isNull(let e, _): e.visitNodes(visit)
    case .binary(_, let a, let b):
      a.visitNodes(visit)
      b.visitNodes(visit)
    case .inList(let e, let items, _):
      e.visitNodes(visit)
      for item in items { item.visitNodes(visit) }
    case .between(let x, let a, let b, _):
      x.visitNodes(visit)
      a.visitNodes(visit)
      b.visitNodes(visit)
    case .call(_, _, let arguments, _):
      for argument in arguments { argument.visitNodes(visit) }
    case .caseWhen(let branches, let otherwise):
      for branch in branches {
        branch.condition.visitNodes(visit)
        branch.value.visitNodes(visit)
      }
      otherwise?.visitNodes(visit)
    default: break
    }
  }
}
