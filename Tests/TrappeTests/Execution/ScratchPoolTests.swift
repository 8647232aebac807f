import Testing
@testable import TrappeBase

/// The pool of large scratch buffers (``ScratchPool``): reuse, the byte limit, small buffers, release.
@Suite struct ScratchPoolTests {
  @Test func aGivenBackBufferIsReusedForTheNextRequestOfAboutItsSize() {
    let pool = ScratchPool(limitBytes: 16 << 20, minimumBytes: 4 << 20)
    var first: UInt = 0
    do {
      let a = ScratchBuffer<Int64>(count: 1 << 20, pool: pool)  // 8 MiB
      a.withBuffer { b in
        first = UInt(bitPattern: b.baseAddress)
        b[0] = 1
        b[b.count - 1] = 2
        #expect(b.count == 1 << 20)
      }
    }
    #expect(pool.keptBytes == 8 << 20)
    // 4 MiB of Int32 slots: at least half of the kept 8 MiB, so the same memory comes back.
    let b = ScratchBuffer<Int32>(count: 1 << 20, pool: pool)
    #expect(b.withBuffer { UInt(bitPattern: $0.baseAddress) } == first)
    #expect(pool.keptBytes == 0)
    pool.releaseAll()
  }

  @Test func aRequestOfLessThanHalfAKeptBufferGetsItsOwn() {
    let pool = ScratchPool(limitBytes: 64 << 20, minimumBytes: 4 << 20)
    do { _ = ScratchBuffer<Int64>(count: 1 << 22, pool: pool) }  // 32 MiB kept
    let small = ScratchBuffer<Int64>(count: 1 << 20, pool: pool)  // 8 MiB
    #expect(pool.keptBytes == 32 << 20)
    _ = small
    pool.releaseAll()
  }

  @Test func theLimitAndTheMinimumDecideWhatIsKept() {
    let pool = ScratchPool(limitBytes: 16 << 20, minimumBytes: 4 << 20)
    do {
      let small = ScratchBuffer<Int64>(count: 1_000, pool: pool)
      let big = ScratchBuffer<Int64>(count: 1 << 21, pool: pool)  // 16 MiB
      let more = ScratchBuffer<Int64>(count: 1 << 20, pool: pool)  // 8 MiB
      _ = (small, big, more)
    }
    // The small one was freed; of 16 + 8 MiB only what fits under 16 MiB stays.
    #expect(pool.keptBytes == 16 << 20 || pool.keptBytes == 8 << 20)
    #expect(pool.keptBytes <= pool.limitBytes)
    pool.releaseAll()
    #expect(pool.keptBytes == 0)
  }

  /// Buffers from the minimum on are mappings of their own at a 2 MiB boundary (marked for
  /// huge pages), whole huge pages long; smaller ones are heap blocks.
  @Test func largeBuffersAreHugePageAlignedMappings() {
    let pool = ScratchPool(limitBytes: 64 << 20, minimumBytes: 2 << 20)
    for count in [1 << 18, (1 << 18) + 1, 3 << 20] {
      let buffer = ScratchBuffer<Int64>(count: count, pool: pool)
      buffer.withBuffer { b in
        #expect(Int(bitPattern: b.baseAddress) % (2 << 20) == 0, "\(count) slots")
        b[b.count - 1] = 7  // the whole range is writable
        #expect(b[b.count - 1] == 7)
      }
    }
    // Kept sizes are whole huge pages: 2, 4 and 24 MiB.
    #expect(pool.keptBytes == (2 + 4 + 24) << 20)
    pool.releaseAll()
    #expect(pool.keptBytes == 0)
  }
}
