import TrappeStorage

extension Optimizer {
  /// Moves each filter below projections, sorts, aggregates (on key columns) and into
  /// the matching side of a join, where that keeps the result the same.
  static func pushFilters(_ plan: LogicalPlan) -> LogicalPlan {
    switch plan {
    case .filter(let child, let predicate):
      return pushDown(predicate, into: pushFilters(child))
    case .scan: return plan
    case .project(let child, let columns): return .project(pushFilters(child), columns)
    case .aggregate(let child, let keys, let aggregates):
      return .aggregate(pushFilters(child), keys: keys, aggregates: aggregates)
    case .window(let child, let windows): return .window(pushFilters(child), windows)
    case .sort(let child, let keys): return .sort(pushFilters(child), keys)
    case .topN(let child, let keys, let count): return .topN(pushFilters(child), keys, count: count)
    case .limit(let child, let count): return .limit(pushFilters(child), count: count)
    case .distinct(let child): return .distinct(pushFilters(child))
    case .join(let l, let r, let kind, let lk, let rk, let rc, let rn):
      return .join(pushFilters(l), pushFilters(r), kind: kind, leftKeys: lk, rightKeys: rk, rightColumns: rc, rightNames: rn)
    case .union(let l, let r, let columns): return .union(pushFilters(l), pushFilters(r), columns: columns)
    case .pivot(let child, let by, let key, let value): return .pivot(pushFilters(child), by: by, key: key, value: value)
    case .unpivot(let child, let columns, let name, let value, let type):
      return .unpivot(pushFilters(child), columns: columns, nameColumn: name, valueColumn: value, valueType: type)
    case .count(let child): return .count(pushFilters(child))
    case .analysis(let child, let node): return .analysis(pushFilters(child), node)
    case .materialized: return plan  // already run (and optimised) while binding
    }
  }

  /// Places `predicate` (over `plan`'s output) as low as it can go.
  static func pushDown(_ predicate: BoundExpression, into plan: LogicalPlan) -> LogicalPlan {
    let used = predicate.referencedColumns
    switch plan {
    case .project(let child, let columns):
      // Only through columns that pass an input column on unchanged.
      var mapping: [Int: Int] = [:]
      for index in used {
        guard case .column(let source, _) = columns[index].expression else { return .filter(plan, predicate) }
        mapping[index] = source
      }
      return .project(pushDown(predicate.remapped(mapping), into: child), columns)
    case .sort(let child, let keys):
      return .sort(pushDown(predicate, into: child), keys)
    case .filter(let child, let other):
      return .filter(pushDown(predicate, into: child), other)
    case .aggregate(let child, let keys, let aggregates) where !keys.isEmpty && used.allSatisfy({ $0 < keys.count }):
      // Not below an aggregate without keys: it makes one row even from no rows, so a filter
      // that reads no column (`summarize n = count() | where false`) would be lost.
      var mapping: [Int: Int] = [:]
      for index in used {
        guard case .column(let source, _) = keys[index].expression else { return .filter(plan, predicate) }
        mapping[index] = source
      }
      return .aggregate(pushDown(predicate.remapped(mapping), into: child), keys: keys, aggregates: aggregates)
    case .join(let left, let right, let kind, let lk, let rk, let rc, let rn):
      let leftCount = left.columns.count
      if used.allSatisfy({ $0 < leftCount }) {
        return .join(
          pushDown(predicate, into: left), right, kind: kind, leftKeys: lk, rightKeys: rk, rightColumns: rc,
          rightNames: rn)
      }
      if kind == .inner, used.allSatisfy({ $0 >= leftCount }) {
        var mapping: [Int: Int] = [:]
        for index in used { mapping[index] = rc[index - leftCount] }
        return .join(
          left, pushDown(predicate.remapped(mapping), into: right), kind: kind, leftKeys: lk, rightKeys: rk,
          rightColumns: rc, rightNames: rn)
      }
      return .filter(plan, predicate)
    default:
      return .filter(plan, predicate)
    }
  }
}
