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

  /// Calls `body` on consecutive ranges of `0..<count`, `size` rows each, and stops early when
  /// an interrupt was requested. Returns whether every range was processed. Kernels that cannot
  /// throw from inside their loops use it; after a `false` their output is incomplete, and the
  /// executor, which checks the flag after each kernel, throws before anyone uses it.
  @discardableResult @inline(__always)
  package static func forEachChunk(of count: Int, size: Int = 1 << 18, _ body: (Range<Int>) -> Void) -> Bool {
    var start = 0
    while start < count {
      if start > 0 && isRequested { return false }
      let end = min(start &+ size, count)
      body(start..<end)
      start = end
    }
    return true
  }

  /// Throws ``ExecutionStop/interrupted`` when an interrupt was requested.
  package static func check() throws(ExecutionStop) {
    if isRequested { throw .interrupted }
  }
}
