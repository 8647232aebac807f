import TrappeBase

/// A file could not be written (or read); carries the path and the system's reason.
package struct FileError: Error, Sendable, Equatable, DiagnosticConvertible {
  /// What was being done: `write`, `create`, `rename`, ...
  var operation: String
  /// The path the user gave.
  var path: String
  /// The system's explanation (`strerror`), or Trappe's (`it is read-only`).
  var reason: String
  /// What the user can do about it.
  var hints: [String]

  /// Creates an error.
  package init(operation: String, path: String, reason: String, hints: [String] = []) {
    self.operation = operation
    self.path = path
    self.reason = reason
    self.hints = hints
  }

  /// The error as a diagnostic: `cannot write out.csv: Permission denied`.
  package var diagnostic: Diagnostic {
    Diagnostic(.error, "cannot \(operation) \(path): \(reason)", hints: hints)
  }
}
