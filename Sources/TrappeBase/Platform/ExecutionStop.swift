/// Why running work stopped before it finished: the user pressed Ctrl-C, or going on
/// would exceed the memory budget (``MemoryBudget``). Either way the session and its
/// tables stay as they were before the command.
package enum ExecutionStop: Error, Sendable, DiagnosticConvertible {
  /// The user pressed Ctrl-C.
  case interrupted
  /// A stage would need more memory than the budget leaves.
  case overBudget(MemoryOverrun)

  package var diagnostic: Diagnostic {
    switch self {
    case .interrupted: Diagnostic(.error, "interrupted")
    case .overBudget(let overrun): overrun.diagnostic
    }
  }
}
