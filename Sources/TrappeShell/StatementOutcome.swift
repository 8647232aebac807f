import TrappeBase

/// What happened when the session ran one statement.
package enum StatementOutcome: Sendable, Equatable {
  /// The statement succeeded.
  case success
  /// The statement failed; the diagnostic has been printed.
  case failure(Diagnostic)
  /// The user asked to leave the shell with this exit status.
  case exit(Int32)
}
