import TrappeStorage

/// What an expression's column indices refer to: the SQL for each input column and its type and unit.
struct SQLScope {
  var references: [String]
  var columns: [PlanColumn]
}

extension SQLCompiler {
  /// The scope of expressions evaluated over `stage` (optionally through a table alias).
  func scope(_ stage: SQLStage, alias: String? = nil) -> SQLScope {
    SQLScope(references: references(stage, alias: alias), columns: stage.columns)
  }

  /// A bound expression in SQL, with Trappe's semantics: `/` is always double and NULL on a zero
  /// divisor, `%` NULL on zero, integer overflow NULL, and periods in the dialect's representation.
  func expression(_ e: BoundExpression, _ scope: SQLScope) throws(SQLError) -> String {
    switch e {
    case .column(let index, _):
      return scope.references[index]
    case .literal(let value, let type):
      return dialect.literal(value, type: type, unit: unit(of: e, scope))
    case .negate(let x):
      let sql = try expression(x, scope)
      return x.type == .int64 ? dialect.tryCast("-" + dialect.wideInteger(sql), to: .int64, unit: nil) : "(-\(sql))"
    case .not(let x):
      return "(NOT \(try expression(x, scope)))"
    case .arithmetic(let op, let l, let r, let type):
      return try arithmetic(op, l, r, type, scope)
    case .comparison(let op, let l, let r):
      return try comparison(op, l, r, scope)
    case .logical(let op, let l, let r):
      return "(\(try expression(l, scope)) \(op == .and ? "AND" : "OR") \(try expression(r, scope)))"
    case .isNull(let x, let negated):
      return "(\(try expression(x, scope)) IS \(negated ? "NOT " : "")NULL)"
    case .inList(let x, let values, let negated):
      let u = unit(of: x, scope)
      let list = values.map { dialect.literal($0, type: x.type, unit: u) }
      guard !list.isEmpty else { return "CASE WHEN \(try expression(x, scope)) IS NULL THEN NULL ELSE \(negated) END" }
      return "(\(try expression(x, scope)) \(negated ? "NOT " : "")IN (\(list.joined(separator: ", "))))"
    case .coalesce(let arguments, let type):
      var parts: [String] = []
      for a in arguments { parts.append(try converted(a, to: type, scope)) }
      return "COALESCE(\(parts.joined(separator: ", ")))"
    case .conditional(let branches, let otherwise, let type):
      var sql = "CASE"
      for branch in branches {
        sql += " WHEN \(try expression(branch.condition, scope)) THEN \(try converted(branch.value, to: type, scope))"
      }
      if let otherwise { sql += " ELSE \(try converted(otherwise, to: type, scope))" }
      return sql + " END"
    case .call(let function, let arguments, let type):
      return try call(function, arguments, type, scope)
    case .cast(let x, let type):
      let inner = try expression(x, scope)
      if x.type == type { return inner }
      if case .literal(.null, _) = x { return dialect.literal(.null, type: type, unit: unit(of: e, scope)) }
      return type == .period ? dialect.cast(inner, to: .period, unit: .year) : dialect.cast(inner, to: type, unit: nil)
    }
  }

  /// `e` as a value of `type` (int → double, int → year period).
  func converted(_ e: BoundExpression, to type: DataType, _ scope: SQLScope) throws(SQLError) -> String {
    let sql = try expression(e, scope)
    if e.type == type { return sql }
    if case .literal(.null, _) = e { return dialect.literal(.null, type: type, unit: unit(of: e, scope)) }
    if type == .period { return dialect.cast(sql, to: .period, unit: .year) }
    return dialect.cast(sql, to: type, unit: nil)
  }

  /// The period unit of a period expression, when it is known without running the query.
  func unit(of e: BoundExpression, _ scope: SQLScope) -> PeriodUnit? {
    guard e.type == .period else { return nil }
    switch e {
    case .column(let index, _): return scope.columns[index].unit
    case .literal(.period(let p), _): return p.unit
    case .literal: return nil
    case .arithmetic(_, let l, let r, _): return unit(of: l, scope) ?? unit(of: r, scope)
    case .coalesce(let arguments, _): return arguments.lazy.compactMap { unit(of: $0, scope) }.first
    case .conditional(let branches, let otherwise, _):
      return (branches.map(\.value) + (otherwise.map { [$0] } ?? [])).lazy.compactMap { unit(of: $0, scope) }.first
    case .cast(let x, _): return x.type == .period ? unit(of: x, scope) : .year
    case .call(.period, let arguments, _):
      guard let x = arguments.first else { return nil }
      switch x.type {
      case .period: return unit(of: x, scope)
      case .int64, .double: return .year
      case .string, .bool:
        if case .literal(.string(let text), _) = x { return Period(text)?.unit }
        return nil
      }
    case .negate, .not, .comparison, .logical, .isNull, .inList, .call: return nil
    }
  }

  /// A period expression's unit, or an error naming the expression.
  func requireUnit(_ e: BoundExpression, _ scope: SQLScope) throws(SQLError) -> PeriodUnit {
    guard let u = unit(of: e, scope) else {
      throw SQLError(
        "this period expression has no SQL form: its unit (year, quarter, month or week) is known only when it runs",
        hints: ["convert text to periods before the pipeline, or use a period column"])
    }
    return u
  }

  private func arithmetic(
    _ op: ArithmeticOperator, _ l: BoundExpression, _ r: BoundExpression, _ type: DataType, _ scope: SQLScope
  ) throws(SQLError) -> String {
    if l.type == .period || r.type == .period {
      if l.type == .period && r.type == .period {
        let u = try requireUnit(l, scope)
        return dialect.periods(from: try expression(r, scope), to: try expression(l, scope), unit: u)
      }
      let (p, n) = l.type == .period ? (l, r) : (r, l)
      let u = try requireUnit(p, scope)
      var count = try expression(n, scope)
      if op == .subtract { count = "-(\(count))" }
      return dialect.period(try expression(p, scope), advancedBy: count, unit: u)
    }
    let a = try expression(l, scope)
    let b = try expression(r, scope)
    let da = try converted(l, to: .double, scope)
    let db = try converted(r, to: .double, scope)
    switch op {
    case .divide:
      // An int quotient is always finite; a double one can leave the double range.
      let quotient = "(\(da) / NULLIF(\(db), 0))"
      func integral(_ e: BoundExpression) -> Bool {
        if case .cast(let inner, _) = e { return inner.type == .int64 }
        return e.type == .int64
      }
      return integral(l) && integral(r) ? quotient : dialect.finite(quotient)
    case .remainder:
      if type == .int64 { return "(\(a) % NULLIF(\(b), 0))" }
      return dialect.finite("(\(da) % NULLIF(\(db), 0))")
    case .add, .subtract, .multiply:
      if type == .int64 {
        // Checked: computed in 128 bits, NULL when the result leaves Int64.
        return dialect.tryCast("\(dialect.wideInteger(a)) \(op.rawValue) \(b)", to: .int64, unit: nil)
      }
      if type == .string { return "(\(a) || \(b))" }
      return dialect.finite("(\(da) \(op.rawValue) \(db))")
    }
  }

  private func comparison(
    _ op: ComparisonOperator, _ l: BoundExpression, _ r: BoundExpression, _ scope: SQLScope
  ) throws(SQLError) -> String {
    let symbol: String
    switch op {
    case .equal: symbol = "="
    case .notEqual: symbol = "<>"
    case .less: symbol = "<"
    case .lessOrEqual: symbol = "<="
    case .greater: symbol = ">"
    case .greaterOrEqual: symbol = ">="
    }
    var a = try expression(l, scope)
    var b = try expression(r, scope)
    if l.type == .string, r.type == .string, op != .equal, op != .notEqual {
      // Ordering comparisons of text use Danish order, as sort does: compare the lists of
      // collation keys (NULL when the text is NULL, so the comparison stays NULL).
      func keys(_ x: String) -> String {
        "(CASE WHEN \(x) IS NULL THEN NULL ELSE \(dialect.list(dialect.collationKeys(x))) END)"
      }
      return "(\(keys(a)) \(symbol) \(keys(b)))"
    }
    if l.type != r.type, l.type.isNumeric, r.type.isNumeric {
      a = dialect.cast(a, to: .double, unit: nil)
      b = dialect.cast(b, to: .double, unit: nil)
    }
    return "(\(a) \(symbol) \(b))"
  }
}
