
/// Rewrites a logical plan so that it reads less: filters move towards the scans, a sort
/// followed by `take` becomes a top-N, and scans read only the columns the rest of the plan uses.
package enum Optimizer {
  /// The optimised plan; its output columns are the same as the input plan's.
  package static func optimize(_ plan: LogicalPlan) -> LogicalPlan {
    let pushed = fuseTopN(pushFilters(plan))
    return prune(pushed, keep: Set(0..<pushed.columns.count)).plan
  }
}
