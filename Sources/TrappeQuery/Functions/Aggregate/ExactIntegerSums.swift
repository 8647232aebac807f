import TrappeBase
import TrappeStorage

/// Exact per-group sums of Int64 values in Int128 and the non-NULL counts, shared by `sum` and
/// `avg` of ints: Int128 cannot overflow (2^31 rows of at most 2^63 stay below 2^94), so the
/// result does not depend on the order of the rows.
enum ExactIntegerSums {
  /// Rows from which the sums run over row ranges on all threads (each range into partial sums
  /// of its own, added per group afterwards); below it one range, all rows. The environment
  /// variable `TRAPPE_PARALLEL_SUM_ROWS` overrides it (tests and Scripts/difftest send small
  /// tables through the ranges with it); the result is the same either way.
  static let parallelMinRows = Environment.positiveInt("TRAPPE_PARALLEL_SUM_ROWS") ?? 1 << 18

  /// Groups per morsel when the partial sums are added up.
  static let mergeGroups = 1 << 14

  /// The exact total and the number of non-NULL values of each group.
  ///
  /// Sums first in Int64 with wrapping adds, noting any overflow; only when some partial sum
  /// overflowed is the pass repeated in Int128. A sum that never overflowed is exact, so
  /// both ways give the same totals. `ranges` (for tests) forces the number of row ranges summed
  /// separately; nil chooses from the rows, the groups and ``Parallelism/threads``.
  static func compute(_ column: Int64Column, _ groups: GroupIndex, ranges: Int? = nil) -> (totals: [Int128], counts: [Int]) {
    // One loop specialised per stored width; values are widened to Int64 as they are added.
    switch column.storage {
    case .int8(let v): return compute(v, column.validity, groups, ranges: ranges)
    case .int16(let v): return compute(v, column.validity, groups, ranges: ranges)
    case .int32(let v): return compute(v, column.validity, groups, ranges: ranges)
    case .int64(let v): return compute(v, column.validity, groups, ranges: ranges)
    }
  }

  /// The number of row ranges summed separately: one per thread from ``parallelMinRows`` rows
  /// when the partial sums (16 bytes per group per range) stay small against the rows, else one.
  static func rangeCount(rows: Int, groups: Int, threads: Int) -> Int {
    guard threads > 1, rows >= parallelMinRows, groups * 4 <= rows else { return 1 }
    return Swift.min(threads, 8)
  }

  static func compute<T: FixedWidthInteger & SignedInteger>(
    _ values: [T], _ validity: ValidityMask, _ groups: GroupIndex, ranges requested: Int? = nil
  ) -> (totals: [Int128], counts: [Int]) {
    let n = values.count
    let k = groups.groupCount
    let parts = Swift.max(1, Swift.min(requested ?? rangeCount(rows: n, groups: k, threads: Parallelism.threads), Swift.max(n, 1)))
    // Range r's sum and count of group g side by side (`pair[r * 2k + 2g]`, `+ 1`): with many
    // groups each row touches one cache line instead of two (top_persons at 10M rows: 1M
    // groups, 16 MB). Every range zeroes and fills its own block, so ranges run on any thread.
    let width = 2 * k
    var overflowedIn = [Bool](repeating: false, count: parts)
    let pair = [Int64](unsafeUninitializedCapacity: parts * width) { out, initialized in
      values.withUnsafeBufferPointer { v in
        groups.groupOf.withUnsafeBufferPointer { g in
          validity.withValidityWords { bits in
            overflowedIn.withUnsafeMutableBufferPointer { overflowed in
              Parallelism.forEachMorsel(parts) { r in
                let block = UnsafeMutableBufferPointer(rebasing: out[(r * width)..<((r + 1) * width)])
                block.initialize(repeating: 0)
                overflowed[r] = accumulate(v, g, bits, rows: (r * n / parts)..<((r + 1) * n / parts), into: block)
              }
            }
          }
        }
      }
      initialized = parts * width
    }
    // The ranges' counts and sums added per group (exact: Int128 holds any number of Int64
    // partials), on all threads by blocks of groups.
    let merges = Parallelism.morselCount(k, size: mergeGroups)
    var totals: [Int128] = []
    let counts = [Int](unsafeUninitializedCapacity: k) { c, countsInitialized in
      totals = [Int128](unsafeUninitializedCapacity: k) { t, totalsInitialized in
        pair.withUnsafeBufferPointer { p in
          Parallelism.forEachMorsel(merges) { m in
            for group in (m * mergeGroups)..<Swift.min(k, (m + 1) * mergeGroups) {
              var count = 0
              var total: Int128 = 0
              for r in 0..<parts {
                let at = r &* width &+ 2 &* group
                total &+= Int128(p[at])
                count &+= Int(p[at &+ 1])
              }
              c[group] = count
              t[group] = total
            }
          }
        }
        totalsInitialized = k
      }
      countsInitialized = k
    }
    if !overflowedIn.contains(true) { return (totals, counts) }
    // Some partial sum left Int64: its block is wrong, so sum again in Int128 (one range).
    totals.withUnsafeMutableBufferPointer { s in
      s.update(repeating: 0)
      values.withUnsafeBufferPointer { v in
        groups.groupOf.withUnsafeBufferPointer { g in
          validity.withValidityWords { bits in
            for row in 0..<v.count where bits.isValid(row) {
              s[Int(g[row])] += Int128(v[row])
            }
          }
        }
      }
    }
    return (totals, counts)
  }

  /// Adds the valid values of `rows` to their groups' sums and counts in `pair` (sum at `2g`,
  /// count at `2g + 1`) with wrapping Int64 adds; returns whether any sum overflowed.
  @inline(__always)
  private static func accumulate<T: FixedWidthInteger & SignedInteger>(
    _ v: UnsafeBufferPointer<T>, _ g: UnsafeBufferPointer<Int32>, _ bits: ValidityBits, rows: Range<Int>,
    into p: UnsafeMutableBufferPointer<Int64>
  ) -> Bool {
    var o = false
    if bits.hasNulls {
      for row in rows where bits.isValid(row) {
        let at = Int(g[row]) &* 2
        let (sum, carry) = p[at].addingReportingOverflow(Int64(v[row]))
        p[at] = sum
        o = o || carry
        p[at &+ 1] &+= 1
      }
    } else {
      // Sums beyond the cache: start loading a later row's pair while adding this one. Rows from
      // `prefetchEnd` on prefetch nothing: all of them when the pairs stay in cache anyway.
      let ahead = prefetchDistance
      let prefetchEnd = p.count < prefetchFromSlots ? rows.lowerBound : rows.upperBound &- ahead
      for row in rows {
        if row < prefetchEnd { prefetch(p.baseAddress! + Int(g[row &+ ahead]) &* 2) }
        let at = Int(g[row]) &* 2
        let (sum, carry) = p[at].addingReportingOverflow(Int64(v[row]))
        p[at] = sum
        o = o || carry
        p[at &+ 1] &+= 1
      }
    }
    return o
  }

  /// Slots of sums and counts (8 bytes each) from which ``accumulate(_:_:_:rows:into:)``
  /// prefetches: 512 KiB, half a core's L2 cache, below which the pairs stay in cache anyway.
  static let prefetchFromSlots = 1 << 16
}
