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
    var keys: [Int64] = []
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
    keys.withUnsafeBufferPointer { k in
      partStart.withUnsafeBufferPointer { ps in
        newGroups.withUnsafeMutableBufferPointer { found in
          stoppedBatches.withUnsafeMutableBufferPointer { stop in
            Parallelism.forEachMorsel(batches, threads: threads) { b in
              var table: [Int64] = []
              var groupsOfNew: [Int32] = []
              for p in (b * perBatch)..<((b + 1) * perBatch) {
                if Interrupt.isRequested {
                  stop[b] = true
                  return
                }
                distinctInPartition(
                  k, range: ps[p]..<ps[p + 1], bits: bits, expected: expectedPerPart, stride: stride,
                  table: &table, groupsOfNew: &groupsOfNew)
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

  /// Adds the group of every distinct pair of `k[range]` (one partition) to `groupsOfNew`,
  /// through `table` (reused between partitions; a 0 flag marks an empty slot).
  private static func distinctInPartition(
    _ k: UnsafeBufferPointer<Int64>, range: Range<Int>, bits: Int, expected: Int, stride: Int64,
    table: inout [Int64], groupsOfNew: inout [Int32]
  ) {
    var capacity = GroupIndex.hashCapacity(expected: expected)
    if table.count >= capacity * 2 {
      capacity = table.count / 2
      table.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    } else {
      table = [Int64](repeating: 0, count: capacity * 2)
    }
    var shift = UInt64(64 - capacity.trailingZeroBitCount)
    let high = UInt64(bits)
    var used = 0
    var e = range.lowerBound
    while e < range.upperBound {
      let limit = capacity / 2
      let mask = capacity - 1
      table.withUnsafeMutableBufferPointer { t in
        while e < range.upperBound && used < limit {
          let key = k[e]
          var slot = Int(truncatingIfNeeded: (GroupIndex.partitionMix(key) &<< high) &>> shift)
          while true {
            if t[slot &* 2 &+ 1] == 0 {
              t[slot &* 2] = key
              t[slot &* 2 &+ 1] = 1
              used &+= 1
              groupsOfNew.append(stride == 0 ? 0 : Int32(truncatingIfNeeded: key / stride))
              break
            }
            if t[slot &* 2] == key { break }
            slot = (slot &+ 1) & mask
          }
          e &+= 1
        }
      }
      if e < range.upperBound {
        capacity *= 2
        shift -= 1
        var grown = [Int64](repeating: 0, count: capacity * 2)
        let newMask = capacity - 1
        table.withUnsafeBufferPointer { o in
          grown.withUnsafeMutableBufferPointer { t in
            for slotPair in 0..<(o.count / 2) where o[slotPair &* 2 &+ 1] != 0 {
              let key = o[slotPair &* 2]
              var slot = Int(truncatingIfNeeded: (GroupIndex.partitionMix(key) &<< high) &>> shift)
              while t[slot &* 2 &+ 1] != 0 { slot = (slot &+ 1) & newMask }
              t[slot &* 2] = key
              t[slot &* 2 &+ 1] = 1
            }
          }
        }
        table = grown
      }
    }
  }
}
