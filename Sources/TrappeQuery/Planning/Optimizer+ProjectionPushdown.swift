
extension Optimizer {
  /// A pruned plan and where each kept output column moved (old index → new index).
  struct Pruned {
    var plan: LogicalPlan
    var mapping: [Int: Int]
  }

  /// Drops output columns nobody needs, down to the scans, keeping at least `required`.
  static func prune(_ plan: LogicalPlan, keep required: Set<Int>) -> Pruned {
    switch plan {
    case .scan(let name, let table, let columns):
      var kept = columns.indices.filter { required.contains($0) }
      if kept.isEmpty, !columns.isEmpty { kept = [0] }  // keep the row count
      return Pruned(
        plan: .scan(name: name, table: table, columns: kept.map { columns[$0] }),
        mapping: positions(kept))

    case .filter(let child, let predicate):
      let inner = prune(child, keep: required.union(predicate.referencedColumns))
      return Pruned(plan: .filter(inner.plan, predicate.remapped(inner.mapping)), mapping: inner.mapping)

    case .sort(let child, let keys):
      let inner = prune(child, keep: required.union(references(keys)))
      return Pruned(plan: .sort(inner.plan, remap(keys, inner.mapping)), mapping: inner.mapping)

    case .topN(let child, let keys, let count):
      let inner = prune(child, keep: required.union(references(keys)))
      return Pruned(plan: .topN(inner.plan, remap(keys, inner.mapping), count: count), mapping: inner.mapping)

    case .limit(let child, let count):
      let inner = prune(child, keep: required)
      return Pruned(plan: .limit(inner.plan, count: count), mapping: inner.mapping)

    case .project(let child, let columns):
      var kept = columns.indices.filter { required.contains($0) }
      if kept.isEmpty, !columns.isEmpty { kept = [0] }
      var needed: Set<Int> = []
      for index in kept { needed.formUnion(columns[index].expression.referencedColumns) }
      let inner = prune(child, keep: needed)
      let rewritten = kept.map { index -> ProjectedColumn in
        var column = columns[index]
        column.expression = column.expression.remapped(inner.mapping)
        return column
      }
      return Pruned(plan: .project(inner.plan, rewritten), mapping: positions(kept))

    case .aggregate(let child, let keys, let aggregates):
      let keptAggregates = aggregates.indices.filter { required.contains(keys.count + $0) }
      var needed: Set<Int> = []
      for key in keys { needed.formUnion(key.expression.referencedColumns) }
      for index in keptAggregates {
        needed.formUnion(aggregates[index].call.referencedColumns)
      }
      let inner = prune(child, keep: needed)
      let newKeys = keys.map { key -> ProjectedColumn in
        var copy = key
        copy.expression = key.expression.remapped(inner.mapping)
        return copy
      }
      let newAggregates = keptAggregates.map { index -> NamedAggregate in
        var copy = aggregates[index]
        copy.call.input = copy.call.input?.remapped(inner.mapping)
        copy.call.argument = copy.call.argument?.remapped(inner.mapping)
        return copy
      }
      var mapping: [Int: Int] = [:]
      for index in keys.indices { mapping[index] = index }
      for (position, index) in keptAggregates.enumerated() { mapping[keys.count + index] = keys.count + position }
      return Pruned(plan: .aggregate(inner.plan, keys: newKeys, aggregates: newAggregates), mapping: mapping)

    case .window(let child, let windows):
      let childCount = child.columns.count
      let keptWindows = windows.indices.filter { required.contains(childCount + $0) }
      var needed = required.filter { $0 < childCount }
      for index in keptWindows { needed.formUnion(references(windows[index].call)) }
      let inner = prune(child, keep: needed)
      let newCount = inner.plan.columns.count
      let newWindows = keptWindows.map { index -> NamedWindow in
        var copy = windows[index]
        copy.call = remap(copy.call, inner.mapping)
        return copy
      }
      var mapping = inner.mapping
      for (position, index) in keptWindows.enumerated() { mapping[childCount + index] = newCount + position }
      return Pruned(plan: newWindows.isEmpty ? inner.plan : .window(inner.plan, newWindows), mapping: mapping)

    case .count(let child):
      let inner = prune(child, keep: [])
      return Pruned(plan: .count(inner.plan), mapping: [0: 0])

    case .join(let left, let right, let kind, let leftKeys, let rightKeys, let rightColumns, let rightNames):
      // Each side reads its keys and the output columns someone uses.
      let leftCount = left.columns.count
      var needLeft = required.filter { $0 < leftCount }
      for key in leftKeys { needLeft.formUnion(key.referencedColumns) }
      let keptRight = kind == .anti ? [] : rightColumns.indices.filter { required.contains(leftCount + $0) }
      var needRight = Set(keptRight.map { rightColumns[$0] })
      for key in rightKeys { needRight.formUnion(key.referencedColumns) }
      let l = prune(left, keep: needLeft)
      let r = prune(right, keep: needRight)
      let newLeftCount = l.plan.columns.count
      var mapping = l.mapping
      for (position, index) in keptRight.enumerated() { mapping[leftCount + index] = newLeftCount + position }
      return Pruned(
        plan: .join(
          l.plan, r.plan, kind: kind, leftKeys: leftKeys.map { $0.remapped(l.mapping) },
          rightKeys: rightKeys.map { $0.remapped(r.mapping) },
          rightColumns: keptRight.map { r.mapping[rightColumns[$0]] ?? rightColumns[$0] },
          rightNames: keptRight.map { rightNames[$0] }),
        mapping: mapping)

    case .materialized:
      // Already run while binding: its result is kept whole.
      return Pruned(plan: plan, mapping: identity(plan.columns.count))

    case .distinct, .union, .pivot, .unpivot, .analysis:
      // These read every column of their inputs; prune inside them independently.
      return Pruned(plan: pruneChildren(plan), mapping: identity(plan.columns.count))
    }
  }

  /// Prunes the inputs of a node that needs all of their columns.
  static func pruneChildren(_ plan: LogicalPlan) -> LogicalPlan {
    func all(_ child: LogicalPlan) -> LogicalPlan { prune(child, keep: Set(0..<child.columns.count)).plan }
    switch plan {
    case .distinct(let child): return .distinct(all(child))
    case .analysis(let child, let node): return .analysis(all(child), node)
    case .union(let l, let r, let columns): return .union(all(l), all(r), columns: columns)
    case .pivot(let child, let by, let key, let value): return .pivot(all(child), by: by, key: key, value: value)
    case .unpivot(let child, let columns, let name, let value, let type):
      return .unpivot(all(child), columns: columns, nameColumn: name, valueColumn: value, valueType: type)
    default: return plan
    }
  }

  static func positions(_ kept: [Int]) -> [Int: Int] {
    var mapping: [Int: Int] = [:]
    for (position, index) in kept.enumerated() { mapping[index] = position }
    return mapping
  }

  static func identity(_ count: Int) -> [Int: Int] {
    var mapping: [Int: Int] = [:]
    for index in 0..<count { mapping[index] = index }
    return mapping
  }

  static func references(_ keys: [BoundSortKey]) -> Set<Int> {
    keys.reduce(into: Set<Int>()) { $0.formUnion($1.expression.referencedColumns) }
  }

  static func references(_ call: WindowCall) -> Set<Int> {
    var result = call.input?.referencedColumns ?? []
    for key in call.partition { result.formUnion(key.referencedColumns) }
    result.formUnion(references(call.order))
    return result
  }

  static func remap(_ keys: [BoundSortKey], _ mapping: [Int: Int]) -> [BoundSortKey] {
    keys.map { BoundSortKey(expression: $0.expression.remapped(mapping), descending: $0.descending) }
  }

  static func remap(_ call: WindowCall, _ mapping: [Int: Int]) -> WindowCall {
    var copy = call
    copy.input = call.input?.remapped(mapping)
    copy.partition = call.partition.map { $0.remapped(mapping) }
    copy.order = remap(call.order, mapping)
    return copy
  }
}
