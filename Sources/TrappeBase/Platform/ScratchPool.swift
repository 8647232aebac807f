#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Synchronization

/// Large scratch buffers of kernels, kept between queries so that the next query does not
/// fault their pages in again.
///
/// glibc maps every block over its mmap threshold (32 MiB, ``ProcessMemory/keepFreedMemoryForReuse()``)
/// and unmaps it at free, so a kernel's temporaries over that size were zero-filled page by page on
/// every run (top_persons at 10M rows on one thread: about 42,000 page faults a query, 160 MB of
/// fresh pages). A buffer given back here is kept while the pool holds at most ``limitBytes``
/// (else freed at once), and handed out again for a request of at most its size and at least half
/// of it. The contents of a buffer are undefined: a kernel writes every slot before it reads it.
/// ``releaseAll()`` frees everything; ``ProcessMemory/returnFreedMemory()`` calls it (after a
/// load), and `.memory` shows what the pool keeps.
///
/// Buffers from ``minimumBytes`` on are mapped on their own, aligned to 2 MiB and marked for
/// transparent huge pages (`MADV_HUGEPAGE`; Linux maps them when it can, and the buffer works
/// the same when it cannot): the kernels that take them (hash tables, bitsets of distinct
/// counts) read them at random, and in 4 KiB pages nearly every read of an 11 MB bitset also
/// missed the TLB (a distinct count of 1M sparse person ids on two threads took 8.5 ms after
/// some other queries, 3.5 ms on fresh memory; 3.9-4.6 ms in huge pages in both cases).
package final class ScratchPool: Sendable {
  /// The pool the kernels use.
  package static let shared = ScratchPool(limitBytes: 256 << 20, minimumBytes: 2 << 20)

  /// The most bytes kept between uses.
  package let limitBytes: Int
  /// Smaller requests are plain allocations: the heap already keeps and reuses those blocks.
  package let minimumBytes: Int
  /// Sizes are rounded up to this (a huge page), so nearly equal requests (one table's keys,
  /// then its ids) share buffers.
  static let granule = 1 << 21

  /// One buffer: where, how big, and whether it is a mapping of its own (else a heap block).
  struct Block: @unchecked Sendable {
    var pointer: UnsafeMutableRawPointer
    var bytes: Int
    var mapped: Bool
  }

  /// Kept buffers.
  private let kept = Mutex<[Block]>([])

  package init(limitBytes: Int, minimumBytes: Int) {
    self.limitBytes = limitBytes
    self.minimumBytes = minimumBytes
  }

  /// The bytes the pool keeps now.
  package var keptBytes: Int { kept.withLock { $0.reduce(0) { $0 + $1.bytes } } }

  /// A buffer of at least `bytes` bytes: the smallest kept one that fits, if it is at most
  /// twice the request; else a fresh huge-page mapping from ``minimumBytes`` on, or a heap block.
  func take(bytes: Int) -> Block {
    let size = bytes < minimumBytes ? Swift.max(bytes, 1) : (bytes + Self.granule - 1) / Self.granule * Self.granule
    if size >= minimumBytes {
      let reused: Block? = kept.withLock { list in
        var best = -1
        for (i, entry) in list.enumerated() where entry.bytes >= size && entry.bytes / 2 <= size {
          if best < 0 || entry.bytes < list[best].bytes { best = i }
        }
        return best < 0 ? nil : list.remove(at: best)
      }
      if let reused { return reused }
      if let mapped = Self.mapHugePages(size) {
        return Block(pointer: mapped, bytes: size, mapped: true)
      }
    }
    return Block(pointer: UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), bytes: size, mapped: false)
  }

  /// `bytes` (a multiple of ``granule``) of fresh zeroed memory at a 2 MiB boundary, marked for
  /// huge pages; nil where that is not available (the caller then allocates from the heap).
  private static func mapHugePages(_ bytes: Int) -> UnsafeMutableRawPointer? {
    #if canImport(Glibc)
      // Map a huge page more, then unmap the ends outside the aligned range.
      guard let raw = mmap(nil, bytes + granule, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
        raw != MAP_FAILED
      else { return nil }
      let start = Int(bitPattern: raw)
      let aligned = (start + granule - 1) / granule * granule
      if aligned > start { _ = munmap(raw, aligned - start) }
      let tail = start + bytes + granule - (aligned + bytes)
      if tail > 0, let end = UnsafeMutableRawPointer(bitPattern: aligned + bytes) { _ = munmap(end, tail) }
      guard let pointer = UnsafeMutableRawPointer(bitPattern: aligned) else { return nil }
      _ = madvise(pointer, bytes, 14)  // MADV_HUGEPAGE
      return pointer
    #else
      return nil
    #endif
  }

  /// Frees a buffer that is not kept.
  private static func free(_ block: Block) {
    #if canImport(Glibc)
      if block.mapped {
        _ = munmap(block.pointer, block.bytes)
        return
      }
    #endif
    block.pointer.deallocate()
  }

  /// Takes back a buffer from ``take(bytes:)``: kept when it is large and fits under the limit, else freed.
  func give(_ block: Block) {
    if block.bytes >= minimumBytes {
      let keep = kept.withLock { list -> Bool in
        guard list.reduce(0, { $0 + $1.bytes }) + block.bytes <= limitBytes else { return false }
        list.append(block)
        return true
      }
      if keep { return }
    }
    Self.free(block)
  }

  /// Frees every kept buffer.
  package func releaseAll() {
    let all = kept.withLock { list -> [Block] in
      defer { list.removeAll() }
      return list
    }
    for block in all { Self.free(block) }
  }
}

/// `count` uninitialised slots of a trivial type from a ``ScratchPool``, given back when the
/// buffer is released. Read the slots only inside ``withBuffer(_:)``, which keeps it alive.
package final class ScratchBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
  private let pool: ScratchPool
  private let block: ScratchPool.Block
  /// The number of slots.
  package let count: Int

  package init(count: Int, pool: ScratchPool = .shared) {
    self.pool = pool
    self.count = count
    block = pool.take(bytes: Swift.max(1, count) * MemoryLayout<Element>.stride)
  }

  deinit { pool.give(block) }

  /// Calls `body` with the slots (undefined until written).
  package func withBuffer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
    try withExtendedLifetime(self) {
      let start = block.pointer.bindMemory(to: Element.self, capacity: count)
      return try body(UnsafeMutableBufferPointer(start: start, count: count))
    }
  }
}
