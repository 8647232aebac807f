import TrappeBase
import TrappeStorage

extension Binder {
  /// `join [kind=...] (PIPELINE) on KEYS`.
  func bindJoin(kind: JoinKind, right pipeline: Pipeline, on conditions: [JoinCondition], left: LogicalPlan, stage: Stage)
    throws(Diagnostic) -> LogicalPlan
  {
    let right = try bind(pipeline)
    let leftScope = BindingScope(left.columns, qualifier: "left")
    let rightScope = BindingScope(right.columns, qualifier: "right")
    var leftKeys: [BoundExpression] = []
    var rightKeys: [BoundExpression] = []
    var sharedRight: Set<Int> = []
    for condition in conditions {
      switch condition {
      case .same(let name, let range):
        guard let l = leftScope.index(of: name) else { throw unknownColumn(name, at: range, in: leftScope) }
        guard let r = rightScope.index(of: name) else {
          throw error(
            "the joined table has no column '\(name)'", at: range,
            hints: ["its columns: \(rightScope.names.joined(separator: ", "))", "or write left.\(name) == right.OTHER"]
          ).suggesting(Suggestion.nearest(to: name, in: rightScope.names))
        }
        sharedRight.insert(r)
        leftKeys.append(.column(l, leftScope.columns[l].type))
        rightKeys.append(.column(r, rightScope.columns[r].type))
      case .equal(var a, var b):
        if a.qualifierIs("right") || b.qualifierIs("left") { swap(&a, &b) }
        let x = try bindScalar(a, in: leftScope)
        let y = try bindScalar(b, in: rightScope)
        leftKeys.append(x)
        rightKeys.append(y)
      }
    }
    for (index, (x, y)) in zip(leftKeys, rightKeys).enumerated() {
      let compatible = x.type == y.type || (x.type.isNumeric && y.type.isNumeric)
      if !compatible {
        let range: SourceRange
        switch conditions[index] {
        case .same(_, let r): range = r
        case .equal(let a, let b): range = a.range.union(b.range)
        }
        throw error("cannot join \(x.type.name) with \(y.type.name)", at: range)
      }
    }
    var rightColumns: [Int] = []
    var rightNames: [String] = []
    var taken = Set(left.columns.map(\.name))
    for (index, column) in right.columns.enumerated() where !sharedRight.contains(index) {
      var name = column.name
      if taken.contains(name) { name += "_right" }
      while taken.contains(name) { name += "_" }
      taken.insert(name)
      rightColumns.append(index)
      rightNames.append(name)
    }
    return .join(
      left, right, kind: kind, leftKeys: leftKeys, rightKeys: rightKeys, rightColumns: rightColumns,
      rightNames: rightNames)
  }

  /// `union (PIPELINE)`: rows of both; columns matched by name, missing ones NULL.
  func bindUnion(_ pipeline: Pipeline, left: LogicalPlan, stage: Stage) throws(Diagnostic) -> LogicalPlan {
    let right = try bind(pipeline)
    var columns = left.columns
    for column in right.columns {
      if let index = columns.firstIndex(where: { $0.name == column.name }) {
        let existing = columns[index]
        if existing.type == column.type {
          if existing.type == .period, let a = existing.unit, let b = column.unit, a != b {
            throw error(
              "cannot union column '\(column.name)': \(a.name)s on one side, \(b.name)s on the other",
              at: pipeline.range)
          }
        } else if existing.type.isNumeric && column.type.isNumeric {
          columns[index].type = .double
        } else {
          throw error(
            "cannot union column '\(column.name)': \(existing.type.name) on one side, \(column.type.name) on the other",
            at: pipeline.range)
        }
      } else {
        columns.append(column)
      }
    }
    return .union(left, right, columns: columns)
  }

  /// `pivot KEY values AGG(EXPR) [by COLS]`.
  func bindPivot(key: Expression, value: NamedExpression, by: [NamedExpression], on plan: LogicalPlan)
    throws(Diagnostic) -> LogicalPlan
  {
    let scope = BindingScope(plan.columns)
    let boundKey = try bindScalar(key, in: scope)
    guard case .call(let name, let nameRange, let arguments, nil) = value.expression.kind,
      FunctionCatalog.isAggregate(name)
    else {
      throw error(
        "pivot's values must be an aggregate such as sum(personer)", at: value.expression.range,
        hints: ["e.g. pivot runde values sum(personer) by kommune"])
    }
    let call = try bindAggregateCall(name, nameRange: nameRange, arguments, expression: value.expression, in: scope)
    if call.function.takesTwoInputs {
      throw error(
        "pivot's values cannot use \(call.function.rawValue) yet", at: nameRange,
        hints: ["summarize it by the key and the by columns first: summarize v = \(source[value.expression.range]) by ..."])
    }
    var byIndices: [Int] = []
    if by.isEmpty {
      var used = boundKey.referencedColumns
      if let input = call.input { used.formUnion(input.referencedColumns) }
      byIndices = scope.columns.indices.filter { !used.contains($0) }
    } else {
      for item in by {
        guard case .column(let column, _) = item.expression.kind, item.name == nil else {
          throw error("pivot's by takes column names", at: item.expression.range)
        }
        guard let index = scope.index(of: column) else {
          throw unknownColumn(column, at: item.expression.range, in: scope)
        }
        byIndices.append(index)
      }
    }
    return .pivot(plan, by: byIndices, key: boundKey, value: call)
  }
}

extension Expression {
  /// Whether the expression is a column qualified with `qualifier`.
  func qualifierIs(_ qualifier: String) -> Bool {
    var found = false
    visitQualifiers { if $0.lowercased() == qualifier { found = true } }
    return found
  }

  private func visitQualifiers(_ visit: (String) -> Void) {
    if case .column(_, let q?) = kind { visit(q) }
    if case .binary(_, let a, let b) = kind {
      a.visitQualifiers(visit)
      b.visitQualifiers(visit)
    }
    if case .call(_, _, let arguments, _) = kind {
      for argument in arguments { argument.visitQualifiers(visit) }
    }
  }
}
