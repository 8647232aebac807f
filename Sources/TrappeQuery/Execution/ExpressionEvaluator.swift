import TrappeStorage

/// Evaluates ``BoundExpression``s over whole columns of a ``Table``.
///
/// Every operator runs one typed loop per column over contiguous storage;
/// no row is boxed as a ``Value``. Literals stay constants for the
/// column-versus-constant loops of arithmetic and comparisons and are
/// broadcast only where a whole column is needed.
///
/// NULL rules (the spec the binder and the docs follow):
/// - NULL in gives NULL out for negation, arithmetic, comparisons, `in` and
///   functions; the exceptions are `coalesce`, `is null`, `case`/`if`, and the
///   three-valued `and`/`or`/`not` (see ``LogicKernel``).
/// - Data never makes evaluation fail: division or remainder by zero, integer
///   overflow, a function outside its domain, or a failed conversion gives NULL
///   for that row and is counted in ``EvaluationWarnings``.
/// - `case`/`if`, `coalesce`, `and` and `or` evaluate an operand that can warn
///   only on the rows that need it, so `if(d == 0, NULL, n / d)` or
///   `d != 0 and n / d > 1` count no division by zero.
/// - A result whose type differs from the expression's type is converted
///   with ``CastKernel`` (the binder should make this unnecessary).
///
/// Arithmetic rules are on ``ArithmeticKernel``, comparison rules on
/// ``ComparisonKernel``, `in` on ``InListKernel``, functions on
/// ``ScalarFunction/evaluate(_:count:warnings:)``.
enum ExpressionEvaluator {
  /// The value of `expression` for every row of `table`: a column of
  /// `expression.type` with `table.rowCount` rows.
  static func evaluate(
    _ expression: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> Column {
    let column = compute(expression, on: table, warnings: &warnings)
    if column.type != expression.type {
      return CastKernel.cast(column, to: expression.type, warnings: &warnings)
    }
    return column
  }

  /// The indices (ascending) of the rows of `table` where `predicate` is true;
  /// rows where it is false or NULL are dropped.
  static func selection(
    _ predicate: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> [Int32] {
    // Comparisons under and/or/not: chunked, without full-length temporaries.
    if let rows = SelectionKernel.selection(predicate, on: table, warnings: &warnings) { return rows }
    let column = evaluate(predicate, on: table, warnings: &warnings)
    guard case .bool(let flags) = column else { return [] }
    return LogicKernel.selection(flags)
  }

  /// A literal stays a constant; anything else becomes a column.
  static func operand(
    _ expression: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> Operand {
    if case .literal(let value, let type) = expression { return .scalar(value, type) }
    return .column(evaluate(expression, on: table, warnings: &warnings))
  }

  /// The expression as a bool column (converted when the binder let something else through).
  static func bools(
    _ expression: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> BoolColumn {
    bools(evaluate(expression, on: table, warnings: &warnings), warnings: &warnings)
  }

  static func bools(_ column: Column, warnings: inout EvaluationWarnings) -> BoolColumn {
    if case .bool(let c) = CastKernel.cast(column, to: .bool, warnings: &warnings) { return c }
    return BoolColumn(
      values: [Bool](repeating: false, count: column.count),
      validity: ValidityWords(allValid: column.count).nullMask)
  }

  private static func compute(
    _ expression: BoundExpression, on table: Table, warnings: inout EvaluationWarnings
  ) -> Column {
    let n = table.rowCount
    switch expression {
    case .column(let index, let type):
      guard table.columns.indices.contains(index) else { return .nulls(type, count: n) }
      return table.columns[index]
    case .literal(let value, let type):
      return Column.constant(value, type: type, count: n)
    case .negate(let x):
      return ArithmeticKernel.negate(evaluate(x, on: table, warnings: &warnings), warnings: &warnings)
    case .not(let x):
      return LogicKernel.not(bools(x, on: table, warnings: &warnings))
    case .arithmetic(let op, let l, let r, _):
      let a = operand(l, on: table, warnings: &warnings)
      let b = operand(r, on: table, warnings: &warnings)
      return ArithmeticKernel.evaluate(op, a, b, count: n, warnings: &warnings)
    case .comparison(let op, let l, let r):
      let a = operand(l, on: table, warnings: &warnings)
      let b = operand(r, on: table, warnings: &warnings)
      return ComparisonKernel.evaluate(op, a, b, count: n)
    case .logical(let op, let l, let r):
      return logical(op, l, r, on: table, warnings: &warnings)
    case .isNull(let x, let negated):
      return LogicKernel.isNull(evaluate(x, on: table, warnings: &warnings), negated: negated)
    case .inList(let x, let values, let negated):
      return InListKernel.evaluate(evaluate(x, on: table, warnings: &warnings), values, negated: negated)
    case .coalesce(let args, let type):
      return coalesce(args, type, on: table, warnings: &warnings)
    case .conditional(let branches, let otherwise, let type):
      return conditional(branches, otherwise, type, on: table, warnings: &warnings)
    case .call(let function, let args, let type):
      let operands = args.map { operand($0, on: table, warnings: &warnings) }
      if operands.isEmpty { return .nulls(type, count: n) }
      return function.evaluate(operands, count: n, warnings: &warnings)
    case .cast(let x, let type):
      return CastKernel.cast(evaluate(x, on: table, warnings: &warnings), to: type, warnings: &warnings)
    }
  }

  /// Three-valued `and`/`or`; the right side is evaluated only on rows the
  /// left side leaves undecided when it could count warnings.
  private static func logical(
    _ op: LogicalOperator, _ l: BoundExpression, _ r: BoundExpression, on table: Table,
    warnings: inout EvaluationWarnings
  ) -> Column {
    let left = bools(l, on: table, warnings: &warnings)
    let right: BoolColumn
    if r.mayWarn {
      let validity = ValidityWords(left.validity)
      let decider = op == .or
      var undecided: [Int32] = []
      left.values.withUnsafeBufferPointer { x in
        for i in 0..<left.count where !(validity.isValid(i) && x[i] == decider) {
          undecided.append(Int32(truncatingIfNeeded: i))
        }
      }
      right = bools(partially(r, on: table, rows: undecided, warnings: &warnings), warnings: &warnings)
    } else {
      right = bools(r, on: table, warnings: &warnings)
    }
    return LogicKernel.combine(op, left, right)
  }

  private static func coalesce(
    _ args: [BoundExpression], _ type: DataType, on table: Table, warnings: inout EvaluationWarnings
  ) -> Column {
    let n = table.rowCount
    let none = UInt32(args.count)
    var choice = [UInt32](repeating: none, count: n)
    var columns: [Column] = []
    for (k, arg) in args.enumerated() {
      var column: Column
      if k > 0 && arg.mayWarn {
        let pending = rows(of: choice, equalTo: none)
        if pending.isEmpty { break }
        column = partially(arg, on: table, rows: pending, warnings: &warnings)
      } else {
        column = evaluate(arg, on: table, warnings: &warnings)
      }
      column = CastKernel.cast(column, to: type, warnings: &warnings)
      if k == 0 && !column.validity.hasNulls { return column }
      let validity = ValidityWords(column.validity)
      let key = UInt32(k)
      choice.withUnsafeMutableBufferPointer { c in
        for i in 0..<n where c[i] == none && validity.isValid(i) { c[i] = key }
      }
      columns.append(column)
    }
    return ChoiceKernel.pick(columns, choice: choice, type: type, count: n, warnings: &warnings)
  }

  private static func conditional(
    _ branches: [BoundCaseBranch], _ otherwise: BoundExpression?, _ type: DataType, on table: Table,
    warnings: inout EvaluationWarnings
  ) -> Column {
    let n = table.rowCount
    let undecidedKey = UInt32(branches.count)
    var choice = [UInt32](repeating: undecidedKey, count: n)
    var columns: [Column] = []
    for (k, branch) in branches.enumerated() {
      let condition: BoolColumn
      if k > 0 && branch.condition.mayWarn {
        let pending = rows(of: choice, equalTo: undecidedKey)
        condition = bools(
          partially(branch.condition, on: table, rows: pending, warnings: &warnings), warnings: &warnings)
      } else {
        condition = bools(branch.condition, on: table, warnings: &warnings)
      }
      let validity = ValidityWords(condition.validity)
      let key = UInt32(k)
      choice.withUnsafeMutableBufferPointer { c in
        condition.values.withUnsafeBufferPointer { x in
          for i in 0..<n where c[i] == undecidedKey && x[i] && validity.isValid(i) { c[i] = key }
        }
      }
      columns.append(value(branch.value, type, rows: choice, key: key, on: table, warnings: &warnings))
    }
    if let otherwise {
      columns.append(value(otherwise, type, rows: choice, key: undecidedKey, on: table, warnings: &warnings))
    }
    return ChoiceKernel.pick(columns, choice: choice, type: type, count: n, warnings: &warnings)
  }

  /// A branch value, computed only on its own rows when it could count warnings.
  private static func value(
    _ expression: BoundExpression, _ type: DataType, rows choice: [UInt32], key: UInt32, on table: Table,
    warnings: inout EvaluationWarnings
  ) -> Column {
    let column =
      expression.mayWarn
      ? partially(expression, on: table, rows: rows(of: choice, equalTo: key), warnings: &warnings)
      : evaluate(expression, on: table, warnings: &warnings)
    return CastKernel.cast(column, to: type, warnings: &warnings)
  }

  private static func rows(of choice: [UInt32], equalTo key: UInt32) -> [Int32] {
    var result: [Int32] = []
    choice.withUnsafeBufferPointer { c in
      for i in 0..<c.count where c[i] == key { result.append(Int32(truncatingIfNeeded: i)) }
    }
    return result
  }

  /// `expression` evaluated only at `rows` (ascending): a full-length column, NULL elsewhere.
  static func partially(
    _ expression: BoundExpression, on table: Table, rows: [Int32], warnings: inout EvaluationWarnings
  ) -> Column {
    let n = table.rowCount
    if rows.count == n { return evaluate(expression, on: table, warnings: &warnings) }
    if rows.isEmpty { return .nulls(expression.type, count: n) }
    let used = expression.referencedColumns.sorted().filter { table.columns.indices.contains($0) }
    var map: [Int: Int] = [:]
    var named: [(String, Column)] = []
    for (position, index) in used.enumerated() {
      map[index] = position
      named.append(("c\(index)", table.columns[index].gather(rows)))
    }
    if named.isEmpty {
      named.append(("rows", .bool(PrimitiveColumn([Bool](repeating: true, count: rows.count)))))
    }
    let subset = Table(named)
    let column = evaluate(expression.remapped(map), on: subset, warnings: &warnings)
    return column.scatter(rows, count: n)
  }
}
