import TrappeStorage

/// What a token of the query language is, with the value of literals.
enum TokenKind: Sendable, Equatable {
  /// A bare name: letters (any script), digits and `_`, not starting with a digit.
  /// Keywords are identifiers too; the parser recognises them case-insensitively.
  case identifier(String)
  /// A name in backquotes, `` `Antal fuldtidspersoner` ``; never a keyword.
  case quotedIdentifier(String)
  /// A whole number such as `2008`.
  case integer(Int64)
  /// A number with a fraction or an exponent, such as `1.5` or `1e3`.
  case double(Double)
  /// A string in double or single quotes, with escapes resolved.
  case string(String)
  /// A period literal such as `2008Q3`, `2008K3`, `2008-09` or `2008W12`.
  case period(Period)
  /// `|`
  case pipe
  /// `(`
  case leftParen
  /// `)`
  case rightParen
  /// `,`
  case comma
  /// `.`
  case dot
  /// `=`, which names a column or sets an option.
  case assign
  /// `==`
  case equal
  /// `!=` or `<>`
  case notEqual
  /// `<`
  case less
  /// `<=`
  case lessOrEqual
  /// `>`
  case greater
  /// `>=`
  case greaterOrEqual
  /// `+`
  case plus
  /// `-`
  case minus
  /// `*`
  case star
  /// `/`
  case slash
  /// `%`
  case percent
  /// `??`
  case coalesce
  /// The end of the text; always the last token.
  case end

  /// The infix operator this token spells, if any (keywords `and`/`or` are handled by the parser).
  var binaryOperator: BinaryOperator? {
    switch self {
    case .equal: return .equal
    case .notEqual: return .notEqual
    case .less: return .less
    case .lessOrEqual: return .lessOrEqual
    case .greater: return .greater
    case .greaterOrEqual: return .greaterOrEqual
    case .plus: return .add
    case .minus: return .subtract
    case .star: return .multiply
    case .slash: return .divide
    case .percent: return .remainder
    case .coalesce: return .coalesce
    default: return nil
    }
  }
}
