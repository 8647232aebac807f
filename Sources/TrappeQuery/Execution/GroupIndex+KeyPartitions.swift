import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// The 64-bit keys of the valid rows scattered into `2^bits` hash partitions by
  /// ``partitionMix(_:)``'s top bits, the first step of partitioned grouping and distinct counts.
  /// Partition `p` holds `keys[partStart[p]..<partStart[p + 1]]`, its rows in increasing order;
  /// chunk `c`'s keys of partition `p` start at `chunkStart[c * parts + p]`. Chunks of `chunkRows`
  /// rows are counted, then scattered, on all threads; every chunk writes only its own slots, so
  /// one thread and many give the same partitions.
  struct KeyPartitions {
    /// From the ``ScratchPool`` (80 MB at 10M rows): read it inside `keys.withBuffer`.
    var keys: ScratchBuffer<Int64>
    var partStart: [Int]
    var chunkStart: [Int]
  }

  /// Scatters `key(row)` of the rows `valid` marks valid (see ``KeyPartitions``).
  @inline(__always)
  static func keyPartitions(
    rows n: Int, valid: ValidityBits, bits: Int, chunkRows: Int, threads: Int?, key: (Int) -> Int64
  ) -> KeyPartitions {
    let parts = 1 << bits
    let partShift = UInt64(64 - bits)
    let chunks = Parallelism.morselCount(n, size: chunkRows)
    var counts = [Int](repeating: 0, count: chunks * parts)
    counts.withUnsafeMutableBufferPointer { h in
      Parallelism.forEachMorsel(chunks, threads: threads) { c in
        let base = c * parts
        for row in (c * chunkRows)..<Swift.min(n, (c + 1) * chunkRows) where valid.isValid(row) {
          h[base + Int(truncatingIfNeeded: partitionMix(key(row)) &>> partShift)] &+= 1
        }
      }
    }
    var partStart = [Int](repeating: 0, count: parts + 1)
    var chunkStart = [Int](repeating: 0, count: chunks * parts)
    for p in 0..<parts {
      var at = partStart[p]
      for c in 0..<chunks {
        chunkStart[c * parts + p] = at
        at += counts[c * parts + p]
      }
      partStart[p + 1] = at
    }
    let validRows = partStart[parts]
    // Every slot is written by the scatter: no zero fill.
    let keys = ScratchBuffer<Int64>(count: validRows)
    keys.withBuffer { out in
      chunkStart.withUnsafeBufferPointer { starts in
        Parallelism.forEachMorsel(chunks, threads: threads) { c in
          var cursor = Array(starts[(c * parts)..<((c + 1) * parts)])
          cursor.withUnsafeMutableBufferPointer { at in
            for row in (c * chunkRows)..<Swift.min(n, (c + 1) * chunkRows) where valid.isValid(row) {
              let k = key(row)
              let p = Int(truncatingIfNeeded: partitionMix(k) &>> partShift)
              out[at[p]] = k
              at[p] &+= 1
            }
          }
        }
      }
    }
    return KeyPartitions(keys: keys, partStart: partStart, chunkStart: chunkStart)
  }
}
