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
  package static func setThreads(_ n: Int) {
    configured.store(max(0, n), ordering: .relaxed)
    MorselPool.shared.resize(workers: threads - 1)
  }

  /// The number of morsels of `size` items in `count` items.
  @inline(__always)
  package static func morselCount(_ count: Int, size: Int) -> Int {
    count <= 0 ? 0 : (count + size - 1) / size
  }

  /// Calls `body(i)` once for every morsel `i` in `0..<count`, on up to ``threads`` threads
  /// (the calling thread is one of them, the others come from the persistent ``MorselPool``).
  /// Returns when all calls have returned. Threads claim morsels dynamically, so which thread
  /// runs which morsel varies; `body` must write only to state owned by morsel `i` (a slot of
  /// a preallocated array), so results never depend on it. `body` should poll ``Interrupt``
  /// itself. With one thread or one morsel, from inside another call's morsel (nesting), or
  /// while another thread's call runs, the morsels run inline on the calling thread.
  package static func forEachMorsel(_ count: Int, threads requested: Int? = nil, _ body: (Int) -> Void) {
    let workers = min(max(1, requested ?? threads), count)
    if workers <= 1 {
      for i in 0..<count { body(i) }
      return
    }
    let ran = withoutActuallyEscaping(body) { escapable in
      withUnsafePointer(to: escapable) { pointer in
        MorselPool.shared.run(count, helpers: workers - 1, keep: threads - 1, pointer)
      }
    }
    if !ran {
      for i in 0..<count { body(i) }
    }
  }
}

#if os(Linux)
  /// sched_getaffinity(2): glibc declares it only under _GNU_SOURCE, which Swift's Glibc module does not set.
  @_silgen_name("sched_getaffinity")
  private func linuxSchedGetAffinity(_ pid: Int32, _ size: Int, _ mask: UnsafeMutableRawPointer?) -> Int32
#endif
