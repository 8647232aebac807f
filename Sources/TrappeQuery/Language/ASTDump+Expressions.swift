import TrappeBase

extension ASTDump {
  /// The S-expression of an expression, such as `(+ (col a) (* (col b) 2))`.
  static func dump(_ expression: Expression) -> String {
    switch expression.kind {
    case .column(let name, let qualifier):
      return "(col " + (qualifier.map { $0 + "." } ?? "") + quoteName(name) + ")"
    case .integer(let value): return String(value)
    case .double(let value): return "\(value)"
    case .string(let value): return quoteString(value)
    case .bool(let value): return value ? "true" : "false"
    case .null: return "null"
    case .period(let period): return "(period \(period))"
    case .unary(let op, let operand): return list(op.rawValue, [dump(operand)])
    case .binary(let op, let left, let right): return list(op.rawValue, [dump(left), dump(right)])
    case .isNull(let operand, let negated): return list(negated ? "is-not-null" : "is-null", [dump(operand)])
    case .inList(let operand, let items, let negated):
      return list(negated ? "not-in" : "in", [dump(operand)] + items.map(dump))
    case .between(let operand, let low, let high, let negated):
      return list(negated ? "not-between" : "between", [dump(operand), dump(low), dump(high)])
    case .call(let name, _, let arguments, let window):
      var parts = [name] + arguments.map(dump)
      if let window { parts.append(dump(window)) }
      return list("call", parts)
    case .star: return "*"
    case .caseWhen(let branches, let otherwise):
      var parts = branches.map { list("when", [dump($0.condition), dump($0.value)]) }
      if let otherwise { parts.append(list("else", [dump(otherwise)])) }
      return list("case", parts)
    }
  }

  /// `(window (over k ...) (order (asc r) ...))`, leaving out empty parts.
  static func dump(_ window: WindowSpec) -> String {
    var parts: [String] = []
    if !window.partition.isEmpty { parts.append(list("over", window.partition.map(dump))) }
    if !window.order.isEmpty { parts.append(list("order", window.order.map(dump))) }
    return list("window", parts)
  }

  /// A string in double quotes with `"`, `\`, newline and tab escaped.
  static func quoteString(_ value: String) -> String {
    var out = "\""
    for character in value {
      switch character {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default: out.append(character)
      }
    }
    return out + "\""
  }
}
