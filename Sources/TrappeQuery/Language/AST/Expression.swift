import TrappeBase
import TrappeStorage

/// An expression as the user wrote it, with the span of text it came from.
package struct Expression: Sendable, Equatable {
  /// What the expression is.
  package indirect enum Kind: Sendable, Equatable {
    /// A column, optionally qualified (`left.kommune`, `right.kode`).
    case column(name: String, qualifier: String?)
    case integer(Int64)
    case double(Double)
    case string(String)
    case bool(Bool)
    case null
    case period(Period)
    /// `-x` or `not x`.
    case unary(UnaryOperator, Expression)
    /// `a + b`, `a == b`, `a and b`, `a ?? b`, ...
    case binary(BinaryOperator, Expression, Expression)
    /// `x is null`, `x is not null`.
    case isNull(Expression, negated: Bool)
    /// `x in (a, b)`, `x not in (a, b)`.
    case inList(Expression, [Expression], negated: Bool)
    /// `x between a and b`, `x not between a and b`.
    case between(Expression, Expression, Expression, negated: Bool)
    /// `name(arguments)` with an optional window (`over ... order by ...`).
    /// `count(*)` has one argument, ``star``.
    case call(name: String, nameRange: SourceRange, arguments: [Expression], window: WindowSpec?)
    /// The `*` of `count(*)`.
    case star
    /// `case when c then v ... [else e] end`; `if(c, a, b)` is parsed as a call.
    case caseWhen([CaseBranch], otherwise: Expression?)
  }

  /// What the expression is.
  package var kind: Kind
  /// The text it was parsed from.
  package var range: SourceRange

  /// Creates an expression.
  init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// One `when CONDITION then VALUE` of a `case` expression.
package struct CaseBranch: Sendable, Equatable {
  var condition: Expression
  var value: Expression
  init(condition: Expression, value: Expression) {
    self.condition = condition
    self.value = value
  }
}
