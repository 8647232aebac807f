import TrappeBase
import TrappeStorage

extension Executor {
  /// Groups by the keys and computes each aggregate per group.
  mutating func aggregate(
    _ child: LogicalPlan, keys: [ProjectedColumn], aggregates: [NamedAggregate]
  ) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    noteSummarized(input.rowCount)
    var keyColumns: [Column] = []
    for key in keys { keyColumns.append(try evaluate(key.expression, on: input)) }
    let groups = groupsInMorsels(keys: keyColumns, rowCount: input.rowCount)
    // The grouping stops early on Ctrl-C with a placeholder index.
    try Interrupt.check()
    var named: [(String, Column)] = zip(keys, keyColumns).map { ($0.name, $1.gather(groups.firstRow)) }
    // Fused aggregates are done here; the others' inputs are evaluated here, in order (evaluating
    // may warn or stop), and the aggregates computed after.
    var done: [Column?] = []
    var pending: [(index: Int, call: AggregateCall, input: Column?, argument: Column?)] = []
    for aggregate in aggregates {
      if let fused = try fusedAggregate(aggregate.call, on: input, groups: groups) {
        done.append(fused)
        continue
      }
      var inputColumn: Column?
      if let expression = aggregate.call.input { inputColumn = try evaluate(expression, on: input) }
      var argumentColumn: Column?
      if let expression = aggregate.call.argument { argumentColumn = try evaluate(expression, on: input) }
      try Interrupt.check()
      pending.append((done.count, aggregate.call, inputColumn, argumentColumn))
      done.append(nil)
    }
    if pending.count > 1 && !morselAggregation && (threads ?? Parallelism.threads) > 1
      && input.rowCount >= parallelAggregatesMinRows
    {
      // Each aggregate reads only its input and the groups: on more than one thread each is
      // computed by one (its kernel's own morsels then run inline), with warnings of its own
      // merged in order, so the result and the warnings are those of one thread.
      var computed = [Column?](repeating: nil, count: pending.count)
      var pendingWarnings = [EvaluationWarnings](repeating: EvaluationWarnings(), count: pending.count)
      computed.withUnsafeMutableBufferPointer { out in
        pendingWarnings.withUnsafeMutableBufferPointer { w in
          Parallelism.forEachMorsel(pending.count, threads: threads) { j in
            let job = pending[j]
            out[j] = Aggregator.compute(
              job.call.function, input: job.input, argument: job.argument, parameter: job.call.parameter,
              groups: groups, warnings: &w[j])
          }
        }
      }
      try Interrupt.check()
      for (job, column) in zip(pending, computed) { done[job.index] = column }
      for w in pendingWarnings { warnings.merge(w) }
    } else {
      for job in pending {
        done[job.index] = aggregateInMorsels(
          job.call.function, input: job.input, argument: job.argument, parameter: job.call.parameter, groups: groups)
      }
    }
    for (aggregate, column) in zip(aggregates, done) {
      guard let column else { continue }
      named.append((aggregate.name, column))
    }
    return Relation(table: Table(named), selection: nil)
  }
}
