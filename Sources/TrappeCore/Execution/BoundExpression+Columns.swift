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

  /// The input column indices the expression reads.
  var referencedColumns: Set<Int> {
    if case .column(let i, _) = self { return [i] }
    var result: Set<Int> = []
    for child in children { result.formUnion(child.referencedColumns) }
    return result
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

  /// The expression with column `i` renamed to `map[i]` throughout.
  func remappingColumns(_ map: [Int: Int]) -> BoundExpression {
    func r(_ e: BoundExpression) -> BoundExpression { e.remappingColumns(map) }
    switch self {
    case .column(let i, let t): return .column(map[i] ?? i, t)
    case .literal: return self
    case .negate(let x): return .negate(r(x))
    case .not(let x): return .not(r(x))
    case .arithmetic(let op, let l, let rr, let t): return .arithmetic(op, r(l), r(rr), t)
    case .comparison(let op, let l, let rr): return .comparison(op, r(l), r(rr))
    case .logical(let op, let l, let rr): return .logical(op, r(l), r(rr))
    case .isNull(let x, let negated): return .isNull(r(x), negated: negated)
    case .inList(let x, let values, let negated): return .inList(r(x), values, negated: negated)
    case .coalesce(let args, let t): return .coalesce(args.map(r), t)
    case .conditional(let branches, let otherwise, let t):
      return .conditional(
        branches.map { BoundCaseBranch(condition: r($0.condition), value: r($0.value)) },
        otherwise: otherwise.map(r), t)
    case .call(let f, let args, let t): return .call(f, args.map(r), t)
    case .cast(let x, let t): return .cast(r(x), t)
    }
  }
}
