import TrappeBase

/// The morsels operators cut large inputs into: consecutive row ranges of
/// ``Executor/morselRows`` rows (the last one shorter), run on up to ``Parallelism/threads``
/// threads (or ``Executor/threads``).
///
/// The boundaries depend only on the row count and the morsel size, never on the thread count, and
/// every operator combines its morsels' partial results in morsel order, so one thread and many
/// give identical results (floating-point sums included). An input of at most one morsel takes
/// each operator's one-pass path, as before morsels existed.
package enum Morsels {
  /// Rows per morsel by default: 64 Ki rows, a few hundred microseconds of work per kernel.
  package static let defaultRows = 1 << 16

  /// The rows per morsel executors start with: ``defaultRows``, or, for tests only (Scripts/difftest
  /// runs small tables in many morsels), the environment variable `TRAPPE_MORSEL_ROWS`, rounded up
  /// to a multiple of 64.
  package static let configuredRows: Int = {
    guard let n = Environment.positiveInt("TRAPPE_MORSEL_ROWS") else { return defaultRows }
    return (n + 63) / 64 * 64
  }()

  /// Whether fused filters (``SelectionKernel``) run in morsels on more than one thread
  /// (``Executor/morselSelection``): off unless the environment variable `TRAPPE_MORSEL_SELECTION`
  /// is `1`, so the bench can measure it on an idle machine with the same binary. On a loaded
  /// 2-core machine two threads measured slower than one pass (filter_int 4.5 against 3.7 ms median).
  package static let configuredSelection: Bool = Environment.value("TRAPPE_MORSEL_SELECTION") == "1"

  /// Whether `count` rows make more than one morsel of `size` rows (and so take the morsel path).
  static func applies(to count: Int, size: Int) -> Bool { count > size }

  /// The row ranges of the morsels of `size` rows in `count` rows, in order.
  static func ranges(_ count: Int, size: Int) -> [Range<Int>] {
    (0..<Parallelism.morselCount(count, size: size)).map { i in
      (i * size)..<Swift.min(count, (i + 1) * size)
    }
  }

  /// `body(i)` for every morsel `i` of `ranges`, on up to ``Parallelism/threads`` threads, with the
  /// results in morsel order. Morsels not yet started when Ctrl-C is pressed are skipped (nil):
  /// the executor reads the flag afterwards and throws before anyone uses the results.
  static func map<T>(_ ranges: [Range<Int>], threads: Int?, _ body: (Int, Range<Int>) -> T) -> [T?] {
    var results = [T?](repeating: nil, count: ranges.count)
    results.withUnsafeMutableBufferPointer { slots in
      let out = slots
      Parallelism.forEachMorsel(ranges.count, threads: threads) { i in
        if Interrupt.isRequested { return }
        out[i] = body(i, ranges[i])
      }
    }
    return results
  }
}
