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
  /// The budget in bytes (`Int.max` when the budget is off).
  package var limit: Int
  /// The address-space limit (`ulimit -v`) when that, not the budget, left too little.
  package var addressSpace: Int?

  package init(
    stage: String, needed: Int, detail: String? = nil, available: Int, limit: Int, addressSpace: Int? = nil
  ) {
    self.stage = stage
    self.needed = needed
    self.detail = detail
    self.available = available
    self.limit = limit
    self.addressSpace = addressSpace
  }

  /// The same overrun for a stage named otherwise (e.g. as the user wrote it).
  package func naming(_ stage: String) -> MemoryOverrun {
    var copy = self
    copy.stage = stage
    return copy
  }

  package var diagnostic: Diagnostic {
    let what = detail.map { " (\($0))" } ?? ""
    let free = MemoryBudget.describe(available)
    let of: String
    if let addressSpace {
      of = "of the address space that ulimit -v allows (\(MemoryBudget.describe(addressSpace)))"
    } else {
      of = "of the memory budget of \(MemoryBudget.describe(limit))"
    }
    let keyword = stage.drop { $0 == "`" }.prefix { $0 != " " }
    var hints: [String]
    switch keyword {
    case "join": hints = ["nothing was changed; check the join keys: a key that matches many rows on both sides multiplies them"]
    case "pivot": hints = ["nothing was changed; a pivot makes one column per distinct key value: pivot a coarser key, or summarize first"]
    default: hints = ["nothing was changed; narrow the input first (where, select, summarize)"]
    }
    if addressSpace != nil {
      hints.append("narrow the input first (where, select), or run trappe with a higher ulimit -v")
    } else {
      hints.append(
        "raise the budget with .memory limit SIZE (e.g. .memory limit 8GB), or drop tables you no longer need")
    }
    return Diagnostic(
      .error,
      "\(stage) would need about \(MemoryBudget.describe(needed))\(what), but only \(free) \(of) is free",
      hints: hints)
  }
}
