import Glibc

/// Runs work on a thread with a large stack and waits for it.
///
/// Binding, optimising, printing and running a plan recurse once per pipeline stage, and a
/// generated script can have thousands of stages: on the main thread's 8 MB a 3,000-stage
/// pipeline overflowed the stack and the process died with SIGSEGV. The shell runs every
/// statement through ``run(_:)``; the parser limits a statement to `Parser.maxStages` stages,
/// which fit in ``stackBytes`` with room to spare. The stack is reserved address space: only
/// the pages a statement touches become resident.
package enum DeepStack {
  /// The worker thread's stack size.
  package static let stackBytes = 256 << 20

  /// Set (non-nil) on the worker threads: a `.read` script runs its statements inside one.
  private static let workerKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key, nil)
    return key
  }()

  /// Runs `body` on a thread with a ``stackBytes`` stack and returns its result; nested calls
  /// and a failure to create the thread run `body` on the current thread. While it waits, the
  /// calling thread blocks SIGINT, so Ctrl-C reaches the worker and interrupts a blocking read.
  package static func run<T>(_ body: () -> T) -> T {
    if pthread_getspecific(workerKey) != nil { return body() }
    return withoutActuallyEscaping(body) { escapable -> T in
      let job = Job<T>(escapable)
      let context = Unmanaged<AnyJob>.passRetained(job).toOpaque()
      var attributes = pthread_attr_t()
      pthread_attr_init(&attributes)
      defer { pthread_attr_destroy(&attributes) }
      pthread_attr_setstacksize(&attributes, stackBytes)
      var thread = pthread_t()
      let created = pthread_create(
        &thread, &attributes,
        { context in
          guard let context else { return nil }
          pthread_setspecific(DeepStack.workerKey, context)
          Unmanaged<AnyJob>.fromOpaque(context).takeRetainedValue().start()
          return nil
        }, context)
      guard created == 0 else {
        Unmanaged<AnyJob>.fromOpaque(context).release()
        return escapable()
      }
      var interrupt = sigset_t()
      sigemptyset(&interrupt)
      sigaddset(&interrupt, SIGINT)
      var previous = sigset_t()
      pthread_sigmask(SIG_BLOCK, &interrupt, &previous)
      pthread_join(thread, nil)
      pthread_sigmask(SIG_SETMASK, &previous, nil)
      return job.take()
    }
  }

  /// The work and its result, shared between the caller and the worker thread; the caller
  /// reads the result only after `pthread_join`, which orders the two threads' accesses.
  private class AnyJob: @unchecked Sendable {
    func start() {}
  }

  private final class Job<T>: AnyJob, @unchecked Sendable {
    private let work: () -> T
    private var result: T?

    init(_ work: @escaping () -> T) { self.work = work }

    override func start() { result = work() }

    func take() -> T {
      // pthread_join returned, so the worker ran `start` to the end.
      guard let result else { return work() }
      return result
    }
  }
}
