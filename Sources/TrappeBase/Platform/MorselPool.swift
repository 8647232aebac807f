#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The persistent worker threads of ``Parallelism/forEachMorsel(_:threads:_:)``.
///
/// Starting and joining pthreads for every call cost more than a 2–20 ms query gains from a
/// second core, and `pthread_join` made the call wait for a helper the scheduler ran late.
/// Workers are started lazily on the first parallel call, sleep on a condition variable
/// between calls (no spinning), and claim morsels from the job's atomic counter; the calling
/// thread claims morsels too, so the call ends when all morsels are done, whether or not a
/// worker ever woke. Only one job runs at a time: a call made while a job runs (from inside a
/// morsel, or from another thread) runs its morsels inline on its own thread, so nesting
/// cannot deadlock. Workers are detached and never block process exit; they block all signals,
/// so Ctrl-C reaches the statement's thread, and have a ``stackBytes`` stack for kernels.
final class MorselPool: @unchecked Sendable {
  static let shared = MorselPool()

  /// Each worker's stack (reserved address space; only touched pages become resident).
  static let stackBytes = 64 << 20

  private let lock: UnsafeMutablePointer<pthread_mutex_t>
  /// Signalled when a job is published or the pool shrinks.
  private let wake: UnsafeMutablePointer<pthread_cond_t>
  /// Signalled when the last morsel of the current job finishes.
  private let done: UnsafeMutablePointer<pthread_cond_t>

  // Guarded by `lock`.
  private var job: MorselJob?
  private var generation = 0
  /// Workers with an index at or above it exit when they wake.
  private var size = 0
  /// Which worker indices have a live thread.
  private var alive: [Bool] = []

  private init() {
    lock = .allocate(capacity: 1)
    pthread_mutex_init(lock, nil)
    wake = .allocate(capacity: 1)
    pthread_cond_init(wake, nil)
    done = .allocate(capacity: 1)
    pthread_cond_init(done, nil)
  }

  /// Sets how many workers to keep (``Parallelism/threads`` minus the caller); surplus
  /// workers exit, missing ones start at the next call that needs them.
  func resize(workers: Int) {
    pthread_mutex_lock(lock)
    size = max(0, workers)
    pthread_cond_broadcast(wake)
    pthread_mutex_unlock(lock)
  }

  /// Runs `body` for every morsel in `0..<count` on the calling thread and up to `helpers`
  /// workers, and returns when every morsel has finished. Returns false, having run nothing,
  /// when another job is running (the caller then runs the morsels itself).
  func run(_ count: Int, helpers: Int, keep: Int, _ body: UnsafePointer<(Int) -> Void>) -> Bool {
    let job = MorselJob(count: count, helpers: helpers, body: body)
    pthread_mutex_lock(lock)
    if self.job != nil {
      pthread_mutex_unlock(lock)
      return false
    }
    size = max(keep, helpers)
    if alive.count < size { alive += [Bool](repeating: false, count: size - alive.count) }
    for index in 0..<helpers where !alive[index] {
      alive[index] = startWorker(index: index, seen: generation)
    }
    self.job = job
    generation &+= 1
    pthread_cond_broadcast(wake)
    pthread_mutex_unlock(lock)

    _ = job.drain()
    pthread_mutex_lock(lock)
    while !job.allFinished && !job.isComplete { pthread_cond_wait(done, lock) }
    self.job = nil
    pthread_mutex_unlock(lock)
    return true
  }

  /// Starts worker `index` (detached); `seen` is the last generation it must not run.
  private func startWorker(index: Int, seen: Int) -> Bool {
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    pthread_attr_setstacksize(&attributes, MorselPool.stackBytes)
    pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
    let start = WorkerStart(pool: self, index: index, seen: seen)
    let context = Unmanaged.passRetained(start).toOpaque()
    #if canImport(Glibc)
      var thread = pthread_t()
    #else
      var thread: pthread_t?
    #endif
    // The thread starts with all signals blocked (it inherits this mask), so Ctrl-C is never
    // delivered to it, not even before it runs.
    var all = sigset_t()
    sigfillset(&all)
    var previous = sigset_t()
    pthread_sigmask(SIG_BLOCK, &all, &previous)
    defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
    let created = pthread_create(
      &thread, &attributes,
      { context in
        guard let context else { return nil }
        let start = Unmanaged<WorkerStart>.fromOpaque(context).takeRetainedValue()
        start.pool.work(index: start.index, seen: start.seen)
        return nil
      }, context)
    if created != 0 {
      Unmanaged<WorkerStart>.fromOpaque(context).release()
      return false
    }
    return true
  }

  /// A worker's loop: sleep until a new job or a shrink, help with the job, repeat; exit when
  /// the pool no longer wants this index.
  private func work(index: Int, seen initial: Int) {
    var seen = initial
    pthread_mutex_lock(lock)
    while true {
      while generation == seen && index < size { pthread_cond_wait(wake, lock) }
      if index >= size {
        alive[index] = false
        pthread_mutex_unlock(lock)
        return
      }
      seen = generation
      guard let job, index < job.helpers else { continue }
      pthread_mutex_unlock(lock)
      let finishedLast = job.drain()
      pthread_mutex_lock(lock)
      if finishedLast {
        job.isComplete = true
        pthread_cond_broadcast(done)
      }
    }
  }

  private final class WorkerStart {
    let pool: MorselPool
    let index: Int
    let seen: Int
    init(pool: MorselPool, index: Int, seen: Int) {
      self.pool = pool
      self.index = index
      self.seen = seen
    }
  }
}
