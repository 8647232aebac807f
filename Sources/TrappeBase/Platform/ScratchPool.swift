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
package final class ScratchPool: Sendable {
  /// The pool the kernels use.
  package static let shared = ScratchPool(limitBytes: 256 << 20, minimumBytes: 32 << 20)

  /// The most bytes kept between uses.
  package let limitBytes: Int
  /// Smaller requests are plain allocations: the heap already keeps and reuses those blocks.
  package let minimumBytes: Int
  /// Sizes are rounded up to this, so nearly equal requests (one table's keys, then its ids) share buffers.
  static let granule = 1 << 21

  /// Kept buffers as (address, bytes).
  private let kept = Mutex<[(address: UInt, bytes: Int)]>([])

  package init(limitBytes: Int, minimumBytes: Int) {
    self.limitBytes = limitBytes
    self.minimumBytes = minimumBytes
  }

  /// The bytes the pool keeps now.
  package var keptBytes: Int { kept.withLock { $0.reduce(0) { $0 + $1.bytes } } }

  /// A buffer of at least `bytes` bytes (the smallest kept one that fits, if it is at most
  /// twice the request), and its size.
  func take(bytes: Int) -> (UnsafeMutableRawPointer, Int) {
    let size = bytes < minimumBytes ? Swift.max(bytes, 1) : (bytes + Self.granule - 1) / Self.granule * Self.granule
    if size >= minimumBytes {
      let reused: (address: UInt, bytes: Int)? = kept.withLock { list in
        var best = -1
        for (i, entry) in list.enumerated() where entry.bytes >= size && entry.bytes / 2 <= size {
          if best < 0 || entry.bytes < list[best].bytes { best = i }
        }
        return best < 0 ? nil : list.remove(at: best)
      }
      if let reused, let pointer = UnsafeMutableRawPointer(bitPattern: reused.address) { return (pointer, reused.bytes) }
    }
    return (UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), size)
  }

  /// Takes back a buffer from ``take(bytes:)``: kept when it is large and fits under the limit, else freed.
  func give(_ pointer: UnsafeMutableRawPointer, bytes: Int) {
    if bytes >= minimumBytes {
      let keep = kept.withLock { list -> Bool in
        guard list.reduce(0, { $0 + $1.bytes }) + bytes <= limitBytes else { return false }
        list.append((UInt(bitPattern: pointer), bytes))
        return true
      }
      if keep { return }
    }
    pointer.deallocate()
  }

  /// Frees every kept buffer.
  package func releaseAll() {
    let all = kept.withLock { list -> [(address: UInt, bytes: Int)] in
      defer { list.removeAll() }
      return list
    }
    for entry in all { UnsafeMutableRawPointer(bitPattern: entry.address)?.deallocate() }
  }
}

/// `count` uninitialised slots of a trivial type from a ``ScratchPool``, given back when the
/// buffer is released. Read the slots only inside ``withBuffer(_:)``, which keeps it alive.
package final class ScratchBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
  private let pool: ScratchPool
  private let raw: UnsafeMutableRawPointer
  private let bytes: Int
  /// The number of slots.
  package let count: Int

  package init(count: Int, pool: ScratchPool = .shared) {
    self.pool = pool
    self.count = count
    (raw, bytes) = pool.take(bytes: Swift.max(1, count) * MemoryLayout<Element>.stride)
  }

  deinit { pool.give(raw, bytes: bytes) }

  /// Calls `body` with the slots (undefined until written).
  package func withBuffer<R>(_ body: (UnsafeMutableBufferPointer<Element>) throws -> R) rethrows -> R {
    try withExtendedLifetime(self) {
      let start = raw.bindMemory(to: Element.self, capacity: count)
      return try body(UnsafeMutableBufferPointer(start: start, count: count))
    }
  }
}
