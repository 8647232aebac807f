import Synchronization

/// The process-wide "the user pressed Ctrl-C" flag.
///
/// The SIGINT handler only sets the flag (async-signal-safe); long-running work
/// polls ``isRequested`` between chunks and stops with ``Interrupted``.
public enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  /// Records an interrupt request; safe to call from a signal handler.
  public static func request() { flag.store(true, ordering: .relaxed) }

  /// Whether an interrupt was requested since the last ``reset()``.
  public static var isRequested: Bool { flag.load(ordering: .relaxed) }

  /// Clears the flag; the interactive shell does so before it reads the next statement.
  public static func reset() { flag.store(false, ordering: .relaxed) }

  /// Throws ``Interrupted`` when an interrupt was requested.
  public static func check() throws(Interrupted) {
    if isRequested { throw Interrupted() }
  }
}

/// Thrown by long-running work that stopped because the user pressed Ctrl-C.
public struct Interrupted: Error, Sendable, DiagnosticConvertible {
  public init() {}
  public var diagnostic: Diagnostic { Diagnostic(.error, "interrupted") }
}
