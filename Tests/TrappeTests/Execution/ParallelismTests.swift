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
}
