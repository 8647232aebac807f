import TrappeBase
import TrappeStorage

extension Binder {
  /// Binds a scalar function call (including `if` and `coalesce`).
  func bindCall(
    _ name: String, nameRange: SourceRange, _ arguments: [Expression], expression: Expression,
    in scope: BindingScope
  ) throws(Diagnostic) -> BoundExpression {
    let lowered = name.lowercased()
    var bound: [BoundExpression] = []
    for argument in arguments { bound.append(try bindScalar(argument, in: scope)) }

    func arity(_ range: ClosedRange<Int>, _ usage: String) throws(Diagnostic) {
      guard range.contains(arguments.count) else {
        throw error(
          "\(lowered) takes \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound) or \(range.upperBound)") argument\(range.upperBound == 1 ? "" : "s"), not \(arguments.count)",
          at: expression.range, hints: ["usage: \(usage)"])
      }
    }
    func require(_ index: Int, _ types: [DataType], _ what: String) throws(Diagnostic) {
      guard types.contains(bound[index].type) || isNullLiteral(bound[index]) else {
        throw error(
          "\(lowered) needs \(what), but this is \(bound[index].type.name)", at: arguments[index].range)
      }
    }

    if lowered == "if" {
      try arity(3...3, "if(condition, then, else)")
      try requireBool(bound[0], arguments[0], what: "if")
      let (values, type) = try unifyAll([(bound[1], arguments[1]), (bound[2], arguments[2])], in: scope)
      return .conditional([BoundCaseBranch(condition: bound[0], value: values[0])], otherwise: values[1], type)
    }
    if lowered == "coalesce" {
      guard !arguments.isEmpty else {
        throw error("coalesce needs at least one argument", at: expression.range)
      }
      let (values, type) = try unifyAll(Array(zip(bound, arguments)), in: scope)
      return .coalesce(values, type)
    }
    guard let function = ScalarFunction(rawValue: lowered) else {
      throw unknownFunction(name, at: nameRange)
    }
    let numeric: [DataType] = [.int64, .double]
    switch function {
    case .round:
      try arity(1...2, "round(x, digits)")
      try require(0, numeric, "a number")
      if bound.count == 2 {
        guard case .literal(.int64, _) = bound[1] else {
          throw error("round's digits must be a whole number", at: arguments[1].range)
        }
      } else {
        bound.append(.literal(.int64(0), .int64))
      }
      return .call(.round, bound, bound[0].type)
    case .abs:
      try arity(1...1, "abs(x)")
      try require(0, numeric, "a number")
      return .call(function, bound, bound[0].type)
    case .floor, .ceil:
      try arity(1...1, "\(lowered)(x)")
      try require(0, numeric, "a number")
      return .call(function, bound, .int64)
    case .ln, .sqrt:
      try arity(1...1, "\(lowered)(x)")
      try require(0, numeric, "a number")
      return .call(function, [widen(bound[0])], .double)
    case .lower, .upper:
      try arity(1...1, "\(lowered)(text)")
      try require(0, [.string], "text")
      return .call(function, bound, .string)
    case .contains, .startswith, .endswith:
      try arity(2...2, "\(lowered)(text, part)")
      try require(0, [.string], "text")
      try require(1, [.string], "text")
      return .call(function, bound, .bool)
    case .length:
      try arity(1...1, "length(text)")
      try require(0, [.string], "text")
      return .call(.length, bound, .int64)
    case .year, .quarter, .month, .week:
      try arity(1...1, "\(lowered)(period)")
      try require(0, [.period], "a period")
      return .call(function, bound, .int64)
    case .period:
      try arity(1...1, "period(x)")
      try require(0, [.int64, .string, .period], "a year or text like \"2008K3\"")
      return .call(.period, bound, .period)
    case .string:
      try arity(1...1, "string(x)")
      return .call(.string, bound, .string)
    case .int:
      try arity(1...1, "int(x)")
      try require(0, [.int64, .double, .string, .bool], "a number or text")
      return .call(.int, bound, .int64)
    case .double:
      try arity(1...1, "double(x)")
      try require(0, [.int64, .double, .string], "a number or text")
      return .call(.double, bound, .double)
    case .pow:
      try arity(2...2, "pow(x, y)")
      try require(0, numeric, "a number")
      try require(1, numeric, "a number")
      return .call(.pow, [widen(retypedNull(bound[0], as: .double)), widen(retypedNull(bound[1], as: .double))], .double)
    case .exp:
      try arity(1...1, "exp(x)")
      try require(0, numeric, "a number")
      return .call(.exp, [widen(retypedNull(bound[0], as: .double))], .double)
    case .concat:
      guard !arguments.isEmpty else {
        throw error("concat needs at least one argument", at: expression.range, hints: ["usage: concat(a, b, ...)"])
      }
      let texts = bound.map { argument -> BoundExpression in
        if isNullLiteral(argument) { return .literal(.null, .string) }
        return argument.type == .string ? argument : .call(.string, [argument], .string)
      }
      return .call(.concat, texts, .string)
    case .substr:
      try arity(2...3, "substr(text, start [, length])")
      try require(0, [.string], "text")
      for index in 1..<bound.count {
        try require(index, [.int64], "a whole number")
        bound[index] = retypedNull(bound[index], as: .int64)
      }
      return .call(.substr, bound, .string)
    case .replace:
      try arity(3...3, "replace(text, from, to)")
      for index in 0..<3 { try require(index, [.string], "text") }
      return .call(.replace, bound, .string)
    case .trim:
      try arity(1...1, "trim(text)")
      try require(0, [.string], "text")
      return .call(.trim, bound, .string)
    case .greatest, .least:
      guard !arguments.isEmpty else {
        throw error(
          "\(lowered) needs at least one argument", at: expression.range, hints: ["usage: \(lowered)(a, b, ...)"])
      }
      for index in bound.indices { try require(index, numeric, "a number") }
      let type: DataType = bound.contains { $0.type == .double && !isNullLiteral($0) } ? .double : .int64
      let values = bound.map { type == .double ? widen(retypedNull($0, as: .double)) : retypedNull($0, as: .int64) }
      return .call(function, values, type)
    }
  }
}
