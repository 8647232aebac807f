import TrappeBase

extension Executor {
  /// Orders the rows.
  mutating func sort(_ child: LogicalPlan, _ keys: [BoundSortKey]) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    return input.reordered(try order(input, by: keys, limit: nil))
  }

  /// The first `count` rows by the keys, without a full sort.
  mutating func topN(_ child: LogicalPlan, _ keys: [BoundSortKey], count: Int) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    return input.reordered(try order(input, by: keys, limit: count))
  }

  /// The first `count` rows.
  mutating func limit(_ child: LogicalPlan, count: Int) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    let kept = min(count, input.rowCount)
    return input.reordered((0..<kept).map { Int32($0) })
  }
}
