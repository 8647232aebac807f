
extension BoundExpression {
  /// The sub-expressions directly below this one.
  var children: [BoundExpression] {
    switch self {
    case .column, .literal: return []
    case .negate(let x), .not(let x), .isNull(let x, _), .inList(let x, _, _), .cast(let x, _): return [x]
    case .arithmetic(_, let l, let r, _), .comparison(_, let l, let r), .logical(_, let l, let r): return [l, r]
    case .coalesce(let args, _), .call(_, let args, _): return args
    case .conditional(let branches, let otherwise, _):
      return branches.flatMap { [$0.condition, $0.value] } + (otherwise.map { [$0] } ?? [])
    }
  }

  /// Whether evaluating the expression can count a warning (division, overflow,
  /// a function outside its domain, a failed conversion). Such expressions are
  /// evaluated only on the rows that need them inside `case`, `coalesce`,
  /// `and` and `or`, so the warning counts match the rows that were used.
  var mayWarn: Bool {
    switch self {
    case .arithmetic, .negate, .call, .cast: return true
    case .conditional, .coalesce: return children.contains { $0.mayWarn }
    default: return children.contains { $0.mayWarn }
    }
  }

}
