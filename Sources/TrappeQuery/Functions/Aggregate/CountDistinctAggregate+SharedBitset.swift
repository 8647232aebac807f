import Synchronization
import TrappeBase
import TrappeStorage

extension CountDistinctAggregate {
  /// Rows from which the bitset variant of ``onePass(_:validity:groups:base:span:)`` marks its
  /// pairs on all threads (``sharedBitset``) when ``Parallelism/threads`` is more than one. The
  /// environment variable `TRAPPE_PARALLEL_BITSET_ROWS` overrides it (for measuring, and for
  /// tests that send small tables there).
  static let sharedBitsetMinRows = Environment.positiveInt("TRAPPE_PARALLEL_BITSET_ROWS") ?? 1 << 18

  /// The most groups ``sharedBitset`` counts for: every chunk keeps a count per group.
  static let sharedBitsetMaxGroups = 1024

  /// Rows per chunk of ``sharedBitset``: a multiple of 64, fixed by the data, never by the thread count.
  static let sharedBitsetChunkRows = 1 << 16

  /// Whether ``marked`` runs as ``sharedBitset`` for `rows` rows in `groups` groups on `threads` threads.
  static func usesSharedBitset(rows: Int, groups: Int, threads: Int) -> Bool {
    threads > 1 && groups <= sharedBitsetMaxGroups && rows >= sharedBitsetMinRows
  }

  /// The bitset variant on all threads: chunks of rows mark the pairs `group × stride + (key -
  /// base)` in one shared bitset with an atomic or, and a chunk counts a pair for its group only
  /// when its or set the bit, so every distinct pair is counted exactly once, by whichever chunk
  /// got there first. The per-chunk counts are integers added up in chunk order: one thread and
  /// many give the same counts as the one-thread loop. On Ctrl-C chunks stop early; the executor
  /// then discards the result.
  static func sharedBitset<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, groups: GroupIndex, base: Int64, stride: Int64, domain: Int64,
    counts: inout [Int64], chunkRows: Int = sharedBitsetChunkRows, threads: Int? = nil
  ) {
    let n = groups.rowCount
    let groupCount = counts.count
    let words = Int((domain + 63) / 64)
    let chunks = Parallelism.morselCount(n, size: chunkRows)
    var chunkCounts = [Int64](repeating: 0, count: chunks * groupCount)
    /// Marks the rows' pairs in `seen`, counting new ones per chunk and group.
    func mark(_ seen: UnsafeMutablePointer<Atomic<UInt64>>) {
      values.withUnsafeBufferPointer { v in
        groups.groupOf.withUnsafeBufferPointer { g in
          chunkCounts.withUnsafeMutableBufferPointer { cc in
            validity.withValidityWords { bits in
              Parallelism.forEachMorsel(chunks, threads: threads) { chunk in
                if Interrupt.isRequested { return }
                let c = UnsafeMutableBufferPointer(rebasing: cc[(chunk * groupCount)..<((chunk + 1) * groupCount)])
                for row in (chunk * chunkRows)..<Swift.min(n, (chunk + 1) * chunkRows) where bits.isValid(row) {
                  let group = g[row]
                  let key = Int(truncatingIfNeeded: Int64(group) &* stride &+ (v[row].groupKey &- base))
                  let word = key &>> 6
                  let bit = UInt64(1) &<< UInt64(truncatingIfNeeded: key & 63)
                  // A plain (relaxed) read first: most rows repeat a pair already marked.
                  if seen[word].load(ordering: .relaxed) & bit != 0 { continue }
                  if seen[word].bitwiseOr(bit, ordering: .relaxed).oldValue & bit == 0 {
                    c[Int(group)] &+= 1
                  }
                }
              }
            }
          }
        }
      }
    }
    // Read at random: from the scratch pool, in huge pages when large (see ``ScratchPool``).
    let bitset = ScratchBuffer<UInt64>(count: Swift.max(1, words))
    bitset.withBuffer { buffer in
      guard let first = buffer.baseAddress else { return }
      // Zeroed on all threads too: a bitset of 10^8 pairs is 12 MiB.
      let zeroWords = 1 << 16
      Parallelism.forEachMorsel(Parallelism.morselCount(buffer.count, size: zeroWords), threads: threads) { m in
        let start = m * zeroWords
        (first + start).initialize(repeating: 0, count: Swift.min(zeroWords, buffer.count - start))
      }
      let seen = UnsafeMutableRawPointer(first).bindMemory(to: Atomic<UInt64>.self, capacity: buffer.count)
      mark(seen)
    }
    counts.withUnsafeMutableBufferPointer { total in
      chunkCounts.withUnsafeBufferPointer { cc in
        for chunk in 0..<chunks {
          for group in 0..<groupCount { total[group] &+= cc[chunk * groupCount + group] }
        }
      }
    }
  }
}
