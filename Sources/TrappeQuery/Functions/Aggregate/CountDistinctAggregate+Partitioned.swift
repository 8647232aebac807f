import TrappeBase
import TrappeStorage

extension CountDistinctAggregate {
  /// The hash-set variant of ``onePass(_:validity:groups:base:span:)`` for many pairs over many
  /// rows: the folded pairs `group × stride + (value - base)` are first scattered into `2^bits`
  /// hash partitions (as ``GroupIndex/partitioned(_:validity:expected:bits:chunkRows:threads:)``
  /// does), then each partition counts its distinct pairs in a table that fits in cache. A pair
  /// lands in exactly one partition, so adding up the partitions' counts per group gives the
  /// counts of one set; the group of a pair is `pair / stride` (`stride` 0: one group). Adding
  /// integers does not depend on order, so one thread and many agree. On Ctrl-C it stops early;
  /// the executor then discards the result.
  static func partitionedSet<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, groups: GroupIndex, base: Int64, stride: Int64, expected: Int,
    bits: Int, chunkRows: Int = GroupIndex.partitionChunkRows, threads: Int? = nil,
    counts: inout [Int64]
  ) {
    let n = groups.rowCount
    let parts = 1 << bits
    let batches = Swift.min(parts, 16)
    let perBatch = parts / batches
    var newGroups = [[Int32]](repeating: [], count: batches)
    var stoppedBatches = [Bool](repeating: false, count: batches)
    var keys: ScratchBuffer<Int64>?
    var partStart: [Int] = []
    values.withUnsafeBufferPointer { v in
      groups.groupOf.withUnsafeBufferPointer { g in
        validity.withValidityWords { valid in
          let partitions = GroupIndex.keyPartitions(
            rows: n, valid: valid, bits: bits, chunkRows: chunkRows, threads: threads
          ) { row in Int64(g[row]) &* stride &+ (v[row].groupKey &- base) }
          keys = partitions.keys
          partStart = partitions.partStart
        }
      }
    }
    if Interrupt.isRequested { return }
    let expectedPerPart = expected / parts + 1
    keys?.withBuffer { keyBuffer in
      let k = UnsafeBufferPointer(keyBuffer)
      partStart.withUnsafeBufferPointer { ps in
        newGroups.withUnsafeMutableBufferPointer { found in
          stoppedBatches.withUnsafeMutableBufferPointer { stop in
            Parallelism.forEachMorsel(batches, threads: threads) { b in
              var table: [Int64] = []
              var ids: [Int32] = []
              var groupsOfNew: [Int32] = []
              for p in (b * perBatch)..<((b + 1) * perBatch) {
                if Interrupt.isRequested {
                  stop[b] = true
                  return
                }
                // A pair's first occurrence in its partition (id `~id`) counts once for its group.
                let range = ps[p]..<ps[p + 1]
                if ids.count < range.count { ids = [Int32](repeating: 0, count: range.count) }
                ids.withUnsafeMutableBufferPointer { out in
                  _ = GroupIndex.groupPartition(
                    k, UnsafeMutableBufferPointer(rebasing: out[0..<range.count]), range: range, bits: bits,
                    expected: expectedPerPart, table: &table)
                  for i in 0..<range.count where out[i] < 0 {
                    groupsOfNew.append(stride == 0 ? 0 : Int32(truncatingIfNeeded: k[range.lowerBound + i] / stride))
                  }
                }
              }
              found[b] = groupsOfNew
            }
          }
        }
      }
    }
    if stoppedBatches.contains(true) { return }
    counts.withUnsafeMutableBufferPointer { c in
      for batch in newGroups {
        for group in batch { c[Int(group)] &+= 1 }
      }
    }
  }
}
