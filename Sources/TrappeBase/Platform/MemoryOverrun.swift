/// A stage that was stopped because its estimated memory does not fit the budget.
package struct MemoryOverrun: Sendable, Equatable {
  /// The stage, as the user wrote it or named for them (e.g. `join on koen`).
  package var stage: String
  /// The estimated bytes the stage would allocate.
  package var needed: Int
  /// What the stage would produce, in the user's words (e.g. `2.1e10 rows`), if known.
  package var detail: String?
  /// The bytes still free under the budget when the stage started.
  package var available: Int
  /// The budget in bytes.
  package var limit: Int

  package init(stage: String, needed: Int, detail: String? = nil, available: Int, limit: Int) {
    self.stage = stage
    self.needed = needed
    self.detail = detail
    self.available = available
    self.limit = limit
  }

  package var diagnostic: Diagnostic {
    let what = detail.map { " (\($0))" } ?? ""
    return Diagnostic(
      .error,
      "\(stage) would need about \(MemoryBudget.describe(needed))\(what), but only "
        + "\(MemoryBudget.describe(available)) of the memory budget of \(MemoryBudget.describe(limit)) is free",
      hints: [
        "nothing was changed; check the stage (e.g. a join key that matches many rows on both sides)",
        "raise the budget with .memory limit SIZE (e.g. .memory limit 8GB), or drop tables you no longer need",
      ])
  }
}
