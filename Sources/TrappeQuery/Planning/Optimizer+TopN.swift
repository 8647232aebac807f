import TrappeStorage

extension Optimizer {
  /// Turns `sort by … | take N` into one top-N (a bounded heap instead of a full sort), also
  /// through a `select` that only passes columns on. Same rows in the same order: the sort is
  /// stable and the heap keeps the earlier of two equal rows.
  static func fuseTopN(_ plan: LogicalPlan) -> LogicalPlan {
    switch plan {
    case .limit(let child, let count):
      switch fuseTopN(child) {
      case .sort(let input, let keys):
        return .topN(input, keys, count: count)
      case .project(.sort(let input, let keys), let columns) where columns.allSatisfy(\.passesColumnOn):
        return .project(.topN(input, keys, count: count), columns)
      case .topN(let input, let keys, let inner):
        return .topN(input, keys, count: min(inner, count))
      case let fused:
        return .limit(fused, count: count)
      }
    case .scan, .materialized: return plan
    case .filter(let child, let predicate): return .filter(fuseTopN(child), predicate)
    case .project(let child, let columns): return .project(fuseTopN(child), columns)
    case .aggregate(let child, let keys, let aggregates):
      return .aggregate(fuseTopN(child), keys: keys, aggregates: aggregates)
    case .window(let child, let windows): return .window(fuseTopN(child), windows)
    case .sort(let child, let keys): return .sort(fuseTopN(child), keys)
    case .topN(let child, let keys, let count): return .topN(fuseTopN(child), keys, count: count)
    case .distinct(let child): return .distinct(fuseTopN(child))
    case .join(let l, let r, let kind, let lk, let rk, let rc, let rn):
      return .join(fuseTopN(l), fuseTopN(r), kind: kind, leftKeys: lk, rightKeys: rk, rightColumns: rc, rightNames: rn)
    case .union(let l, let r, let columns): return .union(fuseTopN(l), fuseTopN(r), columns: columns)
    case .pivot(let child, let by, let key, let value): return .pivot(fuseTopN(child), by: by, key: key, value: value)
    case .unpivot(let child, let columns, let name, let value, let type):
      return .unpivot(fuseTopN(child), columns: columns, nameColumn: name, valueColumn: value, valueType: type)
    case .count(let child): return .count(fuseTopN(child))
    case .analysis(let child, let node): return .analysis(fuseTopN(child), node)
    }
  }
}

extension ProjectedColumn {
  /// Whether the column is an input column passed on unchanged (no row can warn or fail).
  var passesColumnOn: Bool {
    if case .column = expression { return true }
    return false
  }
}
