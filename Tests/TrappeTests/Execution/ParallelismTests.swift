import Synchronization
import Testing
@testable import TrappeBase

@Suite struct ParallelismTests {
  /// Every morsel runs exactly once, whatever the thread count, and each writes only its slot.
  @Test(arguments: [1, 2, 3, 8])
  func everyMorselOnce(threads: Int) {
    let count = 1_000
    let total = Atomic<Int>(0)
    let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
    defer { slots.deallocate() }
    slots.initialize(repeating: 0)
    Parallelism.forEachMorsel(count, threads: threads) { i in
      slots[i] += 1
      total.wrappingAdd(1, ordering: .relaxed)
    }
    #expect(total.load(ordering: .relaxed) == count)
    #expect(slots.allSatisfy { $0 == 1 })
  }

  @Test func noMorsels() {
    var called = false
    Parallelism.forEachMorsel(0, threads: 4) { _ in called = true }
    #expect(!called)
  }

  /// Morsel boundaries do not depend on the thread count: 10 rows in morsels of 4 are 3 morsels.
  @Test func morselCount() {
    #expect(Parallelism.morselCount(10, size: 4) == 3)
    #expect(Parallelism.morselCount(8, size: 4) == 2)
    #expect(Parallelism.morselCount(0, size: 4) == 0)
  }

  @Test func availableCoresAndSetting() {
    #expect(Parallelism.availableCores >= 1)
    Parallelism.setThreads(1)
    #expect(Parallelism.threads == 1)
    Parallelism.setThreads(0)
    #expect(Parallelism.threads == Parallelism.availableCores)
  }

  /// The pool is reused: many short calls in a row each run every morsel exactly once, and a
  /// call's writes are all visible when it returns (a late worker must not run a stale morsel).
  @Test func manyCallsInARow() {
    let count = 37
    let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
    defer { slots.deallocate() }
    slots.initialize(repeating: 0)
    for round in 1...2_000 {
      Parallelism.forEachMorsel(count, threads: 2 + round % 3) { i in slots[i] += 1 }
      #expect(slots.allSatisfy { $0 == round }, "round \(round)")
      if !slots.allSatisfy({ $0 == round }) { return }
    }
  }

  /// A call from inside a morsel (here the outer call's morsels, on the caller and on workers)
  /// runs inline instead of waiting for the busy pool, and every inner morsel runs once.
  @Test func nestedCallsDoNotDeadlock() {
    let outer = 16
    let inner = 50
    let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: outer * inner)
    defer { slots.deallocate() }
    slots.initialize(repeating: 0)
    Parallelism.forEachMorsel(outer, threads: 4) { o in
      Parallelism.forEachMorsel(inner, threads: 4) { i in
        Parallelism.forEachMorsel(1, threads: 4) { _ in slots[o * inner + i] += 1 }
      }
    }
    #expect(slots.allSatisfy { $0 == 1 })
  }

  /// Calls from several threads at once: one uses the pool, the others run inline; each
  /// call's morsels run exactly once.
  @Test func concurrentCallers() {
    let callers = 4
    let count = 200
    let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: callers * count)
    defer { slots.deallocate() }
    slots.initialize(repeating: 0)
    Parallelism.forEachMorsel(callers, threads: callers) { c in
      for _ in 0..<20 {
        // Nested inside the outer call, so these run inline; the outer call spreads them.
        Parallelism.forEachMorsel(count, threads: 2) { i in slots[c * count + i] += 1 }
      }
    }
    #expect(slots.allSatisfy { $0 == 20 })
  }

  /// Changing the thread count between calls (as `.threads N` does) grows and shrinks the
  /// pool; every call still runs each morsel once.
  @Test func threadCountChangesBetweenCalls() {
    let count = 64
    let slots = UnsafeMutableBufferPointer<Int>.allocate(capacity: count)
    defer { slots.deallocate() }
    slots.initialize(repeating: 0)
    let sequence = [4, 1, 2, 8, 3, 2, 1, 6, 2]
    for (round, threads) in sequence.enumerated() {
      Parallelism.forEachMorsel(count, threads: threads) { i in slots[i] += 1 }
      #expect(slots.allSatisfy { $0 == round + 1 }, "threads \(threads)")
    }
  }

  /// Work that stops between morsels (as kernels do on Ctrl-C, polling a flag) ends the call
  /// promptly: the remaining morsels are claimed and skipped, and the call returns.
  @Test func stopMidCall() {
    let count = 10_000
    let stop = Atomic<Bool>(false)
    let ran = Atomic<Int>(0)
    Parallelism.forEachMorsel(count, threads: 2) { i in
      if stop.load(ordering: .relaxed) { return }
      ran.wrappingAdd(1, ordering: .relaxed)
      if i == 100 { stop.store(true, ordering: .relaxed) }
    }
    #expect(ran.load(ordering: .relaxed) < count)
    // The pool is usable after the stopped call.
    let total = Atomic<Int>(0)
    Parallelism.forEachMorsel(count, threads: 2) { _ in total.wrappingAdd(1, ordering: .relaxed) }
    #expect(total.load(ordering: .relaxed) == count)
  }

  /// Workers have a stack large enough for kernels: a morsel that uses 4 MB of stack runs.
  @Test func workersHaveBigStacks() {
    let total = Atomic<Int>(0)
    Parallelism.forEachMorsel(8, threads: 2) { i in
      let sum = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 << 20) { buffer in
        buffer.initialize(repeating: UInt8(i))
        return buffer.reduce(0) { $0 + Int($1) }
      }
      total.wrappingAdd(sum, ordering: .relaxed)
    }
    #expect(total.load(ordering: .relaxed) == (0..<8).reduce(0) { $0 + $1 * (4 << 20) })
  }

  /// Calls reuse the same worker threads: over 300 calls the morsels run on a handful of
  /// kernel threads. Before the pool, every call started (and joined) a new thread: the same
  /// loop over the old Parallelism.swift (compiled alone) saw 133 distinct ids, the pool 2.
  @Test func workersArePersistent() {
    let calls = 300
    let count = 32
    let ids = UnsafeMutableBufferPointer<Int32>.allocate(capacity: calls * count)
    defer { ids.deallocate() }
    ids.initialize(repeating: 0)
    for call in 0..<calls {
      Parallelism.forEachMorsel(count, threads: 2) { i in
        // 50 µs of work per morsel, so that a second thread gets some morsels of most calls.
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .microseconds(50) {}
        ids[call * count + i] = linuxThreadID()
      }
    }
    let distinct = Set(ids)
    #expect(!distinct.contains(0))
    #expect(distinct.count < 40, "\(distinct.count) threads ran morsels")
  }
}

/// gettid(2): the kernel's id of the calling thread (never reused while the process runs
/// a few hundred threads, unlike `pthread_self`).
@_silgen_name("gettid")
private func linuxThreadID() -> Int32
