
extension BoundExpression {
  /// The input column indices the expression reads.
  var referencedColumns: Set<Int> {
    var result: Set<Int> = []
    collectColumns(into: &result)
    return result
  }

  private func collectColumns(into result: inout Set<Int>) {
    switch self {
    case .column(let index, _): result.insert(index)
    case .literal: break
    case .negate(let e), .not(let e), .isNull(let e, _), .inList(let e, _, _), .cast(let e, _):
      e.collectColumns(into: &result)
    case .arithmetic(_, let a, let b, _), .comparison(_, let a, let b), .logical(_, let a, let b):
      a.collectColumns(into: &result)
      b.collectColumns(into: &result)
    case .coalesce(let parts, _), .call(_, let parts, _):
      for part in parts { part.collectColumns(into: &result) }
    case .conditional(let branches, let otherwise, _):
      for branch in branches {
        branch.condition.collectColumns(into: &result)
        branch.value.collectColumns(into: &result)
      }
      otherwise?.collectColumns(into: &result)
    }
  }

  /// The expression with column indices replaced through `mapping` (old index → new index).
  func remapped(_ mapping: [Int: Int]) -> BoundExpression {
    switch self {
    case .column(let index, let type): return .column(mapping[index] ?? index, type)
    case .literal: return self
    case .negate(let e): return .negate(e.remapped(mapping))
    case .not(let e): return .not(e.remapped(mapping))
    case .isNull(let e, let negated): return .isNull(e.remapped(mapping), negated: negated)
    case .inList(let e, let values, let negated): return .inList(e.remapped(mapping), values, negated: negated)
    case .cast(let e, let type): return .cast(e.remapped(mapping), type)
    case .arithmetic(let op, let a, let b, let type):
      return .arithmetic(op, a.remapped(mapping), b.remapped(mapping), type)
    case .comparison(let op, let a, let b): return .comparison(op, a.remapped(mapping), b.remapped(mapping))
    case .logical(let op, let a, let b): return .logical(op, a.remapped(mapping), b.remapped(mapping))
    case .coalesce(let parts, let type): return .coalesce(parts.map { $0.remapped(mapping) }, type)
    case .call(let function, let parts, let type): return .call(function, parts.map { $0.remapped(mapping) }, type)
    case .conditional(let branches, let otherwise, let type):
      return .conditional(
        branches.map {
          BoundCaseBranch(condition: $0.condition.remapped(mapping), value: $0.value.remapped(mapping))
        }, otherwise: otherwise?.remapped(mapping), type)
    }
  }
}
