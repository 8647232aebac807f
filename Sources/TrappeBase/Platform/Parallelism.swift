#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// How many threads kernels may use, and the one way they use them.
///
/// The session sets ``threads`` (`.threads N`; default: the cores this process may run on).
/// Work is cut into morsels whose boundaries never depend on the thread count, and partial
/// results are combined in morsel order, so one thread and many give identical results
/// (floating-point sums included).
package enum Parallelism {
  private static let configured = Atomic<Int>(0)

  /// The cores this process may run on (its CPU affinity mask), at least 1.
  package static let availableCores: Int = {
    #if os(Linux)
      var mask = [UInt64](repeating: 0, count: 16)  // 1,024 CPUs, glibc's cpu_set_t
      let ok = mask.withUnsafeMutableBytes { raw in
        linuxSchedGetAffinity(0, raw.count, raw.baseAddress) == 0
      }
      if ok {
        let n = mask.reduce(0) { $0 + $1.nonzeroBitCount }
        if n > 0 { return n }
      }
    #endif
    let n = sysconf(Int32(_SC_NPROCESSORS_ONLN))
    return n > 0 ? n : 1
  }()

  /// The threads kernels may use: the last ``setThreads(_:)`` value, else ``availableCores``.
  package static var threads: Int {
    let n = configured.load(ordering: .relaxed)
    return n > 0 ? n : availableCores
  }

  /// Whether ``threads`` is the default (no ``setThreads(_:)`` since the start, or `0` last).
  package static var isAutomatic: Bool { configured.load(ordering: .relaxed) == 0 }

  /// Sets the thread count (`0` restores the default, all available cores).
  package static func setThreads(_ n: Int) { configured.store(max(0, n), ordering: .relaxed) }

  /// The number of morsels of `size` items in `count` items.
  @inline(__always)
  package static func morselCount(_ count: Int, size: Int) -> Int {
    count <= 0 ? 0 : (count + size - 1) / size
  }

  /// Calls `body(i)` once for every morsel `i` in `0..<count`, on up to ``threads`` threads
  /// (the calling thread is one of them). Returns when all calls have returned. `body` must
  /// write only to state owned by morsel `i` (a slot of a preallocated array); it should poll
  /// ``Interrupt`` itself for long morsels. With one thread or one morsel nothing is spawned.
  package static func forEachMorsel(_ count: Int, threads requested: Int? = nil, _ body: (Int) -> Void) {
    let workers = min(max(1, requested ?? threads), count)
    if workers <= 1 {
      for i in 0..<count { body(i) }
      return
    }
    withoutActuallyEscaping(body) { body in
      let job = MorselJob(count: count, body: body)
      let context = Unmanaged.passRetained(job)
      var spawned: [pthread_t] = []
      for _ in 1..<workers {
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { raw in
          // Each thread holds its own retain, released when it finishes.
          guard let raw else { return nil }
          Unmanaged<MorselJob>.fromOpaque(raw).takeRetainedValue().drain()
          return nil
        }, Unmanaged.passRetained(job).toOpaque())
        if started == 0 {
          spawned.append(thread)
        } else {
          Unmanaged.passUnretained(job).release()
        }
      }
      job.drain()
      for thread in spawned { pthread_join(thread, nil) }
      context.release()
    }
  }
}

#if os(Linux)
  /// sched_getaffinity(2): glibc declares it only under _GNU_SOURCE, which Swift's Glibc module does not set.
  @_silgen_name("sched_getaffinity")
  private func linuxSchedGetAffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer?) -> Int32
#endif

/// The shared state of one ``Parallelism/forEachMorsel(_:threads:_:)`` call: the next morsel to take.
private final class MorselJob: @unchecked Sendable {
  let count: Int
  let body: (Int) -> Void
  let next = Atomic<Int>(0)

  init(count: Int, body: @escaping (Int) -> Void) {
    self.count = count
    self.body = body
  }

  /// Takes morsels until none are left.
  func drain() {
    while true {
      let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
      if i >= count { return }
      body(i)
    }
  }
}
