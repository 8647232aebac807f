import TrappeBase

extension Session {
  /// The share of the memory budget numbered results (`out1`, ...) may keep together.
  static let resultShareOfBudget = 4

  /// Releases the oldest numbered results while they take more than a quarter of the memory
  /// budget, with a note; the last result and named tables are kept.
  func releaseResults() {
    let budget = MemoryBudget.limit
    guard budget != Int.max else { return }
    let released = catalog.releaseResults(over: budget / Session.resultShareOfBudget)
    guard !released.isEmpty else { return }
    let names = released.joined(separator: ", ")
    notice(
      "note: released \(names) to save memory (the results kept take at most a quarter of the memory "
        + "budget); re-run \(released.count == 1 ? "its query" : "their queries") to see \(released.count == 1 ? "it" : "them") again")
  }
}
