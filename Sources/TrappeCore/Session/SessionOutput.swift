/// Where a session writes results and diagnostics.
public struct SessionOutput: Sendable {
  /// Receives results (stdout in the shell).
  public var standard: @Sendable (String) -> Void
  /// Receives diagnostics and notices (stderr in the shell).
  public var error: @Sendable (String) -> Void

  /// Creates an output from two writers.
  public init(standard: @escaping @Sendable (String) -> Void, error: @escaping @Sendable (String) -> Void) {
    self.standard = standard
    self.error = error
  }
}
