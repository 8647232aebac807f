import TrappeBase
import TrappeStorage

extension Binder {
  /// Binds an expression that may not contain aggregates or window functions.
  func bindScalar(_ expression: Expression, in scope: BindingScope) throws(Diagnostic) -> BoundExpression {
    switch expression.kind {
    case .column(let name, let qualifier):
      if let qualifier, scope.qualifier?.lowercased() != qualifier.lowercased() {
        throw error(
          "'\(qualifier).\(name)' can only be used in a join condition", at: expression.range,
          hints: ["write the column name alone: \(name)"])
      }
      guard let index = scope.index(of: name) else { throw unknownColumn(name, at: expression.range, in: scope) }
      return .column(index, scope.columns[index].type)
    case .integer(let value): return .literal(.int64(value), .int64)
    case .double(let value): return .literal(.double(value), .double)
    case .string(let value): return .literal(.string(value), .string)
    case .bool(let value): return .literal(.bool(value), .bool)
    case .null: return .literal(.null, .string)
    case .period(let value): return .literal(.period(value), .period)
    case .star:
      throw error("'*' can only be used in count(*)", at: expression.range)
    case .unary(.negate, let operand):
      let bound = try bindScalar(operand, in: scope)
      switch bound {
      case .literal(.int64(let v), _): return .literal(.int64(0 &- v), .int64)
      case .literal(.double(let v), _): return .literal(.double(-v), .double)
      default: break
      }
      guard bound.type.isNumeric else {
        throw error("cannot negate a \(bound.type.name)", at: expression.range)
      }
      return .negate(bound)
    case .unary(.not, let operand):
      let bound = retypedNull(try bindScalar(operand, in: scope), as: .bool)
      try requireBool(bound, operand, what: "not")
      return .not(bound)
    case .binary(let op, let left, let right):
      return try bindBinary(op, left, right, expression: expression, in: scope)
    case .isNull(let operand, let negated):
      return .isNull(try bindScalar(operand, in: scope), negated: negated)
    case .inList(let operand, let items, let negated):
      return try bindIn(operand, items, negated: negated, in: scope)
    case .between(let operand, let low, let high, let negated):
      let x = try bindScalar(operand, in: scope)
      let (a, lowBound) = try unify(x, try bindScalar(low, in: scope), operand, low, in: scope, comparing: true)
      let (b, highBound) = try unify(x, try bindScalar(high, in: scope), operand, high, in: scope, comparing: true)
      let inside = BoundExpression.logical(
        .and, .comparison(.greaterOrEqual, a, lowBound), .comparison(.lessOrEqual, b, highBound))
      return negated ? .not(inside) : inside
    case .caseWhen(let branches, let otherwise):
      var bound: [BoundCaseBranch] = []
      var values: [(BoundExpression, Expression)] = []
      for branch in branches {
        let condition = try bindScalar(branch.condition, in: scope)
        try requireBool(condition, branch.condition, what: "when")
        bound.append(BoundCaseBranch(condition: condition, value: .literal(.null, .string)))
        values.append((try bindScalar(branch.value, in: scope), branch.value))
      }
      if let otherwise { values.append((try bindScalar(otherwise, in: scope), otherwise)) }
      let (unified, type) = try unifyAll(values, in: scope)
      for index in bound.indices { bound[index].value = unified[index] }
      return .conditional(bound, otherwise: otherwise == nil ? nil : unified.last, type)
    case .call(let name, let nameRange, let arguments, let window):
      if window != nil || FunctionCatalog.isWindow(name) {
        throw error(
          "'\(name)' is a window function: use it in extend", at: nameRange,
          hints: ["e.g. extend r = \(name.lowercased())(...) over kommune order by runde"])
      }
      if FunctionCatalog.isAggregate(name) {
        throw error(
          "'\(name)' is an aggregate: use it in summarize, or with over ... in extend", at: nameRange)
      }
      return try bindCall(name, nameRange: nameRange, arguments, expression: expression, in: scope)
    }
  }

  /// Fails unless `bound` is a bool.
  func requireBool(_ bound: BoundExpression, _ expression: Expression, what: String) throws(Diagnostic) {
    guard bound.type == .bool else {
      throw error("\(what) needs true or false, but this is \(bound.type.name)", at: expression.range)
    }
  }

  /// Binds an infix operation.
  func bindBinary(
    _ op: BinaryOperator, _ left: Expression, _ right: Expression, expression: Expression, in scope: BindingScope
  ) throws(Diagnostic) -> BoundExpression {
    let a = try bindScalar(left, in: scope)
    let b = try bindScalar(right, in: scope)
    switch op {
    case .coalesce:
      let (x, y) = try unify(a, b, left, right, in: scope, comparing: false)
      return .coalesce([x, y], x.type)
    case .and, .or:
      // A NULL literal here is an unknown truth value (`false and null` is false).
      let a = retypedNull(a, as: .bool), b = retypedNull(b, as: .bool)
      try requireBool(a, left, what: op.rawValue)
      try requireBool(b, right, what: op.rawValue)
      return .logical(op == .and ? .and : .or, a, b)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      let (x, y) = try unify(a, b, left, right, in: scope, comparing: true)
      let comparison: ComparisonOperator
      switch op {
      case .equal: comparison = .equal
      case .notEqual: comparison = .notEqual
      case .less: comparison = .less
      case .lessOrEqual: comparison = .lessOrEqual
      case .greater: comparison = .greater
      default: comparison = .greaterOrEqual
      }
      return .comparison(comparison, x, y)
    case .add, .subtract, .multiply, .divide, .remainder:
      return try bindArithmetic(op, a, b, left, right, expression: expression, in: scope)
    }
  }

  /// Arithmetic typing: int op int is int except `/` (always double); mixed is double;
  /// `period ± int` is a period; `period - period` is the number of periods between them.
  func bindArithmetic(
    _ op: BinaryOperator, _ a: BoundExpression, _ b: BoundExpression, _ left: Expression, _ right: Expression,
    expression: Expression, in scope: BindingScope
  ) throws(Diagnostic) -> BoundExpression {
    let arithmetic: ArithmeticOperator
    switch op {
    case .add: arithmetic = .add
    case .subtract: arithmetic = .subtract
    case .multiply: arithmetic = .multiply
    case .divide: arithmetic = .divide
    default: arithmetic = .remainder
    }
    let a = retypedNull(a, as: b.type)
    let b = retypedNull(b, as: a.type)
    switch (a.type, b.type) {
    case (.int64, .int64):
      if arithmetic == .divide { return .arithmetic(.divide, .cast(a, .double), .cast(b, .double), .double) }
      return .arithmetic(arithmetic, a, b, .int64)
    case (.int64, .double), (.double, .int64), (.double, .double):
      return .arithmetic(arithmetic, widen(a), widen(b), .double)
    case (.period, .int64) where arithmetic == .add || arithmetic == .subtract:
      return .arithmetic(arithmetic, a, b, .period)
    case (.int64, .period) where arithmetic == .add:
      return .arithmetic(.add, b, a, .period)
    case (.string, .string) where arithmetic == .add:
      // Text + text joins them; NULL on either side gives NULL (SQL `||`).
      return .arithmetic(.add, a, b, .string)
    case (.period, .period) where arithmetic == .subtract:
      try requireSameUnit(a, b, left, right, in: scope)
      return .arithmetic(.subtract, a, b, .int64)
    default:
      throw error(
        "cannot use '\(op.rawValue)' on \(a.type.name) and \(b.type.name)", at: expression.range,
        hints: arithmeticHints(arithmetic, a.type, b.type))
    }
  }

  /// How to say what the user probably meant when an arithmetic operator does not fit its operands.
  func arithmeticHints(_ op: ArithmeticOperator, _ a: DataType, _ b: DataType) -> [String] {
    if a == .string || b == .string {
      if op == .add {
        return ["to join text with a number, use concat(a, b) (it converts numbers) or string(x) + text"]
      }
      return ["text takes only + (to join two texts); for a number in text use int(x) or double(x)"]
    }
    if a == .period || b == .period {
      return ["periods take + and - with a whole number (p - 1 is the period before p)"]
    }
    return []
  }

  /// An int expression as a double.
  func widen(_ e: BoundExpression) -> BoundExpression {
    if case .literal(.int64(let v), _) = e { return .literal(.double(Double(v)), .double) }
    return e.type == .int64 ? .cast(e, .double) : e
  }

  /// A NULL literal given the type of its context.
  func retypedNull(_ e: BoundExpression, as type: DataType) -> BoundExpression {
    if case .literal(.null, _) = e { return .literal(.null, type) }
    return e
  }

  /// Makes two operands comparable (or coalescable): int widens to double, an int
  /// literal next to a year period becomes that year, NULL takes the other type.
  func unify(
    _ a: BoundExpression, _ b: BoundExpression, _ left: Expression, _ right: Expression, in scope: BindingScope,
    comparing: Bool
  ) throws(Diagnostic) -> (BoundExpression, BoundExpression) {
    let a = retypedNull(a, as: b.type)
    let b = retypedNull(b, as: a.type)
    switch (a.type, b.type) {
    case let (x, y) where x == y:
      if x == .period { try requireSameUnit(a, b, left, right, in: scope) }
      return (a, b)
    case (.int64, .double), (.double, .int64):
      return (widen(a), widen(b))
    case (.period, .int64):
      return (a, try yearLiteral(b, next: a, right, in: scope))
    case (.int64, .period):
      return (try yearLiteral(a, next: b, left, in: scope), b)
    default:
      let verb = comparing ? "compare" : "combine"
      var hints: [String] = []
      if a.type == .string || b.type == .string {
        hints.append("text literals need quotes, and numbers none: \"Aarhus\", 751")
      }
      throw error(
        "cannot \(verb) \(a.type.name) with \(b.type.name)", at: left.range.union(right.range), hints: hints)
    }
  }

  /// Unifies several values (for `case` and `coalesce`) to one type.
  func unifyAll(_ values: [(BoundExpression, Expression)], in scope: BindingScope) throws(Diagnostic)
    -> ([BoundExpression], DataType)
  {
    guard var target = values.first(where: { !isNullLiteral($0.0) })?.0.type else {
      return (values.map(\.0), .string)
    }
    if values.contains(where: { $0.0.type == .double }) && target == .int64 { target = .double }
    var result: [BoundExpression] = []
    for (bound, expression) in values {
      let retyped = retypedNull(bound, as: target)
      if retyped.type == target {
        result.append(retyped)
      } else if retyped.type == .int64 && target == .double {
        result.append(widen(retyped))
      } else {
        throw error(
          "all branches must have one type, but this is \(retyped.type.name) and an earlier one \(target.name)",
          at: expression.range)
      }
    }
    return (result, target)
  }

  func isNullLiteral(_ e: BoundExpression) -> Bool {
    if case .literal(.null, _) = e { return true }
    return false
  }

  /// An int compared with a period: only an int literal next to a year period is accepted (as that year).
  func yearLiteral(_ e: BoundExpression, next period: BoundExpression, _ expression: Expression, in scope: BindingScope)
    throws(Diagnostic) -> BoundExpression
  {
    let periodUnit = unit(of: period, in: scope)
    if case .literal(.int64(let year), _) = e, periodUnit == nil || periodUnit == .year {
      return .literal(.period(.year(Int(year))), .period)
    }
    if periodUnit == nil || periodUnit == .year { return .cast(e, .period) }
    throw error(
      "cannot compare a \(periodUnit?.name ?? "period") period with a number", at: expression.range,
      hints: ["write a \(periodUnit?.name ?? "period") literal such as \(exampleLiteral(periodUnit))"])
  }

  func exampleLiteral(_ unit: PeriodUnit?) -> String {
    switch unit {
    case .quarter?: return "2008Q3 (or 2008K3)"
    case .month?: return "2008-09"
    case .week?: return "2008W12"
    default: return "2008"
    }
  }

  /// Fails when two periods have different known units.
  func requireSameUnit(
    _ a: BoundExpression, _ b: BoundExpression, _ left: Expression, _ right: Expression, in scope: BindingScope
  ) throws(Diagnostic) {
    if let x = unit(of: a, in: scope), let y = unit(of: b, in: scope), x != y {
      throw error(
        "cannot compare a \(x.name) with a \(y.name)", at: left.range.union(right.range),
        hints: ["use year(p) to compare by year, or a \(x.name) literal such as \(exampleLiteral(x))"])
    }
  }

  /// `x [not] in (constants)`.
  func bindIn(_ operand: Expression, _ items: [Expression], negated: Bool, in scope: BindingScope)
    throws(Diagnostic) -> BoundExpression
  {
    let x = try bindScalar(operand, in: scope)
    var values: [Value] = []
    for item in items {
      let bound = try bindScalar(item, in: scope)
      guard case .literal(let value, _) = bound else {
        throw error("in (...) takes constant values", at: item.range)
      }
      switch (x.type, value) {
      case (_, .null): continue
      case (.string, .string), (.int64, .int64), (.double, .double), (.bool, .bool), (.period, .period):
        values.append(value)
      case (.double, .int64(let v)): values.append(.double(Double(v)))
      case (.period, .int64(let v)) where unit(of: x, in: scope) ?? .year == .year:
        values.append(.period(.year(Int(v))))
      default:
        throw error("cannot compare \(x.type.name) with \(bound.type.name)", at: item.range)
      }
    }
    return .inList(x, values, negated: negated)
  }

  /// An unknown-column diagnostic with the nearest name.
  func unknownColumn(_ name: String, at range: SourceRange, in scope: BindingScope) -> Diagnostic {
    let names = scope.names
    let listed = names.count <= 12 ? names.joined(separator: ", ") : names.prefix(12).joined(separator: ", ") + ", ..."
    return error("unknown column '\(name)'", at: range, hints: ["columns: \(listed)"])
      .suggesting(Suggestion.nearest(to: name, in: names))
  }
}
