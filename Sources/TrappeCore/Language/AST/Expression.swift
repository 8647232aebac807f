/// An expression as the user wrote it, with the span of text it came from.
public struct Expression: Sendable, Equatable {
  /// What the expression is.
  public indirect enum Kind: Sendable, Equatable {
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
  public var kind: Kind
  /// The text it was parsed from.
  public var range: SourceRange

  /// Creates an expression.
  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// One `when CONDITION then VALUE` of a `case` expression.
public struct CaseBranch: Sendable, Equatable {
  public var condition: Expression
  public var value: Expression
  public init(condition: Expression, value: Expression) {
    self.condition = condition
    self.value = value
  }
}
