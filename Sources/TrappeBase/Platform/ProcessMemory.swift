#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process's own memory use, read from `/proc/self/statm` (Linux): one small read, cheap
/// enough to call before every operator that checks the memory budget.
package enum ProcessMemory {
  /// Gives the heap's free pages back to the system (glibc's `malloc_trim`): after a large
  /// temporary (a load's morsel buffers, a query's intermediates) is freed, glibc keeps its
  /// pages resident for reuse unless asked; a no-op elsewhere. The kernels' kept scratch
  /// buffers (``ScratchPool``) go back first.
  package static func returnFreedMemory() {
    ScratchPool.shared.releaseAll()
    #if canImport(Glibc)
      _ = glibcMallocTrim(0)
    #endif
  }

  /// Lets the heap serve and keep a query's temporaries instead of mapping and unmapping each
  /// one: glibc maps every allocation over its mmap threshold (128 KiB until a mapped block is
  /// freed) and returns it at free, so a query's arrays of a few MB were faulted in again on
  /// every run (median by kommune at 1M rows: 28 ms, 15 ms with these settings, on one thread
  /// and on two). Every block comes from the heap, none from a mapping of its own (glibc's mmap
  /// threshold cannot go past 32 MiB, and at 10M rows a query's group ids alone are 40 MB: the
  /// bench's peer_join on two threads spent 150 of its 236 ms in the kernel faulting them in;
  /// 75 ms from the heap). Up to 512 MiB of free heap top is kept (trimmed down to 64 MiB
  /// beyond that); ``returnFreedMemory()`` gives everything back, after a load and whenever
  /// ``MemoryBudget/require(_:for:detail:)`` finds too little room.
  ///
  /// Every thread allocates from the one main heap (one arena): each statement runs on a
  /// thread of its own, and glibc gave such a thread an arena of 64 MB heaps; when the loaded
  /// columns filled that arena's heap, every query's temporaries went to a fresh heap that
  /// was unmapped when they were freed, so all of them were faulted in again on every run
  /// (count distinct of 1M person ids with both bench tables loaded: 14-18 ms against 6 ms,
  /// 143K page faults against 36K for 20 queries). The kernels do not allocate per row, so
  /// the one arena's lock costs nothing measurable. A no-op elsewhere.
  package static func keepFreedMemoryForReuse() {
    #if canImport(Glibc)
      _ = glibcMallopt(-4, 0)  // M_MMAP_MAX
      _ = glibcMallopt(-1, 512 << 20)  // M_TRIM_THRESHOLD
      _ = glibcMallopt(-2, 64 << 20)  // M_TOP_PAD
      _ = glibcMallopt(-8, 1)  // M_ARENA_MAX
    #endif
  }

  /// The resident set size in bytes, or nil where `/proc` is not available.
  package static func residentBytes() -> Int? { sizes()?.resident }

  /// The virtual address space the process has mapped, in bytes (what `ulimit -v` limits), or nil.
  package static func virtualBytes() -> Int? { sizes()?.virtual }

  /// Both sizes from one read of `/proc/self/statm` ("size resident shared text lib data dt", in pages).
  package static func sizes() -> (virtual: Int, resident: Int)? {
    let fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var buffer = (
      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0),
      UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0)
    )
    return withUnsafeMutableBytes(of: &buffer) { raw -> (virtual: Int, resident: Int)? in
      guard let base = raw.baseAddress else { return nil }
      var got = 0
      while got < raw.count {
        let n = read(fd, base + got, raw.count - got)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        got += n
      }
      var fields: [Int] = []
      var current = 0
      var inNumber = false
      for i in 0..<got {
        let byte = raw[i]
        if byte >= 0x30 && byte <= 0x39 {
          current = current &* 10 &+ Int(byte - 0x30)
          inNumber = true
        } else if inNumber {
          fields.append(current)
          current = 0
          inNumber = false
          if fields.count == 2 { break }
        }
      }
      guard fields.count == 2 else { return nil }
      let page = max(1, sysconf(Int32(_SC_PAGESIZE)))
      return (fields[0] &* page, fields[1] &* page)
    }
  }
}

#if canImport(Glibc)
  /// glibc's `malloc_trim` (declared in malloc.h, which the Glibc module does not export).
  @_silgen_name("malloc_trim")
  private func glibcMallocTrim(_ pad: Int) -> Int32

  /// glibc's `mallopt` (malloc.h).
  @_silgen_name("mallopt")
  private func glibcMallopt(_ parameter: Int32, _ value: Int32) -> Int32
#endif
