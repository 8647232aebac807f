import Synchronization

/// The shared state of one ``Parallelism/forEachMorsel(_:threads:_:)`` call that uses the
/// ``MorselPool``: the next morsel to claim and how many have finished.
///
/// The job does not retain the caller's closure: it points at it, and a thread dereferences
/// the pointer only after claiming a morsel below ``count``. The caller returns only when all
/// ``count`` morsels have finished, so no thread touches the closure after that; a worker that
/// wakes late still holds the job, claims a number past the end and goes back to sleep.
final class MorselJob: @unchecked Sendable {
  let count: Int
  /// How many pool workers may help (the workers with an index below it); the caller is extra.
  let helpers: Int
  private let body: UnsafePointer<(Int) -> Void>
  private let next = Atomic<Int>(0)
  private let finished = Atomic<Int>(0)
  /// Set under the pool's lock by the thread that finished the last morsel.
  var isComplete = false

  init(count: Int, helpers: Int, body: UnsafePointer<(Int) -> Void>) {
    self.count = count
    self.helpers = helpers
    self.body = body
  }

  /// Claims and runs morsels until none are left. Returns true when this thread finished the
  /// last morsel of the job (exactly one thread does).
  func drain() -> Bool {
    var finishedLast = false
    while true {
      let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
      if i >= count { return finishedLast }
      run(i)
      // Releasing: the morsel's writes happen before the caller's acquiring load of `finished`.
      let done = finished.wrappingAdd(1, ordering: .acquiringAndReleasing).newValue
      if done == count { finishedLast = true }
    }
  }

  /// Runs morsel `i`. Not inlined, so every retain and release of the caller's closure made
  /// for the call is done when it returns, before the morsel counts as finished: the caller's
  /// `withoutActuallyEscaping` then finds the closure unretained.
  @inline(never)
  private func run(_ i: Int) { body.pointee(i) }

  /// Whether every morsel has finished (acquiring: their writes are visible afterwards).
  var allFinished: Bool { finished.load(ordering: .acquiring) == count }
}
