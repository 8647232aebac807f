import Synchronization

/// The process-wide "the user pressed Ctrl-C" flag.
///
/// The SIGINT handler only sets the flag (async-signal-safe); long-running work
/// polls ``isRequested`` between chunks and stops with ``ExecutionStop/interrupted``.
package enum Interrupt {
  private static let flag = Atomic<Bool>(false)

  /// Records an interrupt request; safe to call from a signal handler.
  package static func request() { flag.store(true, ordering: .relaxed) }

  /// Whether an interrupt was requested since the last ``reset()``.
  package static var isRequested: Bool { flag.load(ordering: .relaxed) }

  /// Clears the flag; the interactive shell does so before it reads the next statement.
  package static func reset() { flag.store(false, ordering: .relaxed) }

  /// Throws ``ExecutionStop/interrupted`` when an interrupt was requested.
  package static func check() throws(ExecutionStop) {
    if isRequested { throw .interrupted }
  }
}
