/// A file could not be written (or read); carries the path and the system's reason.
public struct FileError: Error, Sendable, Equatable, DiagnosticConvertible {
  /// What was being done: `write`, `create`, `rename`, ...
  public var operation: String
  /// The path the user gave.
  public var path: String
  /// The system's explanation (`strerror`).
  public var reason: String

  /// Creates an error.
  public init(operation: String, path: String, reason: String) {
    self.operation = operation
    self.path = path
    self.reason = reason
  }

  /// The error as a diagnostic: `cannot write out.csv: Permission denied`.
  public var diagnostic: Diagnostic {
    Diagnostic(.error, "cannot \(operation) \(path): \(reason)")
  }
}
