
/// Where a session writes results and diagnostics.
package struct SessionOutput: Sendable {
  /// Receives results (stdout in the shell).
  var standard: @Sendable (String) -> Void
  /// Receives diagnostics and notices (stderr in the shell).
  var error: @Sendable (String) -> Void

  /// Creates an output from two writers.
  package init(standard: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
    self.standard = standard
    self.error = error
  }
}
