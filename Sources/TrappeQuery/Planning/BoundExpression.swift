import TrappeStorage

/// An expression with its names resolved to input column indices and its type known.
///
/// The binder builds these from ``Expression``s; the evaluator runs them over
/// whole columns at a time.
package indirect enum BoundExpression: Sendable, Equatable {
  /// Input column `index`.
  case column(Int, DataType)
  /// A constant; a `NULL` literal carries the type its context gives it.
  case literal(Value, DataType)
  /// Arithmetic negation of an int or double.
  case negate(BoundExpression)
  /// Three-valued `not`.
  case not(BoundExpression)
  /// `+ - * / %` on numbers, and `period ± int`, `period - period`.
  /// `/` always gives a double (`3 / 4` is 0.75); division by zero gives NULL.
  case arithmetic(ArithmeticOperator, BoundExpression, BoundExpression, DataType)
  /// A comparison of two operands of comparable types; the result is bool (NULL if either is NULL).
  case comparison(ComparisonOperator, BoundExpression, BoundExpression)
  /// Three-valued `and` / `or`.
  case logical(LogicalOperator, BoundExpression, BoundExpression)
  /// `x is null` (or `is not null` when negated); never NULL itself.
  case isNull(BoundExpression, negated: Bool)
  /// `x in (constants...)`; NULL when x is NULL.
  case inList(BoundExpression, [Value], negated: Bool)
  /// The first non-NULL argument (`a ?? b`, `coalesce(a, b, ...)`).
  case coalesce([BoundExpression], DataType)
  /// `if(c, a, b)` and `case when ...`: the value of the first true condition, else `otherwise` (NULL when nil).
  case conditional([BoundCaseBranch], otherwise: BoundExpression?, DataType)
  /// A scalar function call.
  case call(ScalarFunction, [BoundExpression], DataType)
  /// A widening conversion the binder inserted (int → double, int → period(year)).
  case cast(BoundExpression, DataType)

  /// The result type.
  var type: DataType {
    switch self {
    case .column(_, let t), .literal(_, let t), .arithmetic(_, _, _, let t), .coalesce(_, let t),
      .conditional(_, _, let t), .call(_, _, let t), .cast(_, let t):
      return t
    case .negate(let e): return e.type
    case .not, .comparison, .logical, .isNull, .inList: return .bool
    }
  }
}

/// One branch of a bound `case` or `if`.
package struct BoundCaseBranch: Sendable, Equatable {
  var condition: BoundExpression
  var value: BoundExpression
  init(condition: BoundExpression, value: BoundExpression) {
    self.condition = condition
    self.value = value
  }
}

/// `+ - * / %`.
package enum ArithmeticOperator: String, Sendable, Equatable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
}

/// `== != < <= > >=`.
package enum ComparisonOperator: String, Sendable, Equatable {
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
}

/// `and`, `or`.
package enum LogicalOperator: String, Sendable, Equatable {
  case and
  case or
}
