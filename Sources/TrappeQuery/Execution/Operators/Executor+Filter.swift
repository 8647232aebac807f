import TrappeBase

extension Executor {
  /// Keeps the rows where the predicate is true, as a selection vector.
  mutating func filter(_ child: LogicalPlan, _ predicate: BoundExpression) throws(ExecutionStop) -> Relation {
    let input = try execute(child)
    if let kept = filterInMorsels(predicate, on: input) {
      // Morsels skip their work on Ctrl-C: never use what they returned.
      try Interrupt.check()
      if let overrun = warnings.overrun {
        warnings.overrun = nil
        throw .overBudget(overrun)
      }
      return kept
    }
    let (table, mapping) = input.compact(predicate.referencedColumns)
    let rows = ExpressionEvaluator.selection(predicate.remapped(mapping), on: table, warnings: &warnings)
    if let overrun = warnings.overrun {
      warnings.overrun = nil
      throw .overBudget(overrun)
    }
    return input.reordered(rows)
  }
}
