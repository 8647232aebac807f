
/// A prefix operator.
package enum UnaryOperator: String, Sendable, Equatable {
  case negate = "-"
  case not = "not"
}

/// An infix operator, from lowest to highest precedence: `??`; `or`; `and`;
/// comparisons; `+ -`; `* / %`.
package enum BinaryOperator: String, Sendable, Equatable, CaseIterable {
  case coalesce = "??"
  case or = "or"
  case and = "and"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"

  /// Binding strength; higher binds tighter.
  var precedence: Int {
    switch self {
    case .coalesce: return 1
    case .or: return 2
    case .and: return 3
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return 4
    case .add, .subtract: return 5
    case .multiply, .divide, .remainder: return 6
    }
  }

  /// Whether the operator compares its operands.
  var isComparison: Bool { precedence == 4 }
}
