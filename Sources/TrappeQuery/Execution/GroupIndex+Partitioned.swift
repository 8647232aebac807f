import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Rows from which ``hashed(_:validity:)`` partitions its input instead of probing one table,
  /// on one thread: below it the extra passes of partitioning cost more than the cache misses of
  /// one table save.
  static let partitionMinRows = 1 << 20

  /// Rows from which it partitions when ``Parallelism/threads`` is more than one: then the
  /// scatter, the partitions' tables and the write-back run on all threads, while one table runs
  /// on one. The environment variable `TRAPPE_PARALLEL_PARTITION_ROWS` overrides it (for
  /// measuring the threshold, and for tests that send small tables here with the normal chunk
  /// size). Both paths give the same index and the same counts, so the choice never shows in a
  /// result.
  static let parallelPartitionMinRows = Environment.positiveInt("TRAPPE_PARALLEL_PARTITION_ROWS") ?? 1 << 18

  /// For tests only (Scripts/difftest runs small tables through the partitioned path): the
  /// environment variable `TRAPPE_PARTITION_ROWS`, from which number of rows every hashed
  /// grouping partitions (4 partitions, chunks of 64 rows), whatever its estimate; nil when unset.
  static let testPartitionRows = Environment.positiveInt("TRAPPE_PARTITION_ROWS")
  /// Distinct keys a partition is cut for: a table of 16,384 slots of 16 bytes (256 KiB) stays in cache.
  static let keysPerPartition = 1 << 13
  /// Rows per chunk of the partitioning passes: a multiple of 64, so chunks never share a word of a bitmap.
  static let partitionChunkRows = 1 << 16

  /// The number of partition bits (2 to 10) for `rows` rows and about `expected` distinct keys,
  /// or nil when one table is small enough to stay in cache (or the input is small: fewer rows
  /// than ``partitionMinRows``, or than ``parallelPartitionMinRows`` on more than one thread).
  /// `threads` nil: ``Parallelism/threads``.
  static func partitionBits(rows: Int, expected: Int, threads: Int? = nil) -> Int? {
    if let forced = testPartitionRows { return rows >= forced ? 2 : nil }
    let minRows = (threads ?? Parallelism.threads) > 1 ? Swift.min(partitionMinRows, parallelPartitionMinRows) : partitionMinRows
    guard rows >= minRows, expected >= 4 * keysPerPartition else { return nil }
    var bits = 2
    while bits < 10 && (expected >> bits) > keysPerPartition { bits += 1 }
    return bits
  }

  /// The 64-bit mix of a key image; its top `bits` bits pick the partition, the bits below
  /// them the slot in the partition's table.
  @inline(__always)
  static func partitionMix(_ key: Int64) -> UInt64 {
    UInt64(bitPattern: key ^ (key &>> 29)) &* 0x9E37_79B9_7F4A_7C15
  }

  /// Groups keys of any range like ``hashed(_:validity:)``, with exactly its result, through
  /// `2^bits` hash partitions whose tables fit in cache (radix-partitioned grouping).
  ///
  /// 1. Count the valid rows of every (chunk, partition); 2. copy every key image to its
  /// partition, rows in increasing order (a stable scatter); 3. group each partition in its
  /// own small table, numbering its keys in order of first appearance there and flagging the
  /// first occurrence of each; 4. walk the rows again, each taking its partition's next local
  /// id, so the first row of every group is known and marked in a bitmap of rows; 5. a group's
  /// global id is the number of first rows before its own (a popcount rank), which is its order
  /// of first appearance in the whole input, as one table gives. Chunks and partitions are fixed
  /// by the data, never by the thread count, and every step writes state owned by its chunk or
  /// partition, so one thread and many give the same index. NULL rows form one group of their own.
  /// On Ctrl-C it returns ``stopped(rowCount:)``. `chunkRows` must be a multiple of 64.
  static func partitioned<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, expected: Int, bits: Int,
    chunkRows: Int = partitionChunkRows, threads: Int? = nil
  ) -> GroupIndex {
    let n = values.count
    let parts = 1 << bits
    let partShift = UInt64(64 - bits)
    let chunks = Parallelism.morselCount(n, size: chunkRows)
    var partStart: [Int] = []
    var chunkStart: [Int] = []
    var groupStart = [Int](repeating: 0, count: parts + 1)
    var localCount = [Int](repeating: 0, count: parts)
    var stoppedParts = [Bool](repeating: false, count: parts)
    // Step 4 writes every row's id (NULL rows too) before anything reads it, and an interrupted
    // grouping returns another index: no zero fill (4 MB at 1M rows, on the calling thread).
    var groupOf = [Int32](unsafeUninitializedCapacity: n) { _, initialized in initialized = n }
    var marks = [UInt64](repeating: 0, count: (n + 63) >> 6)
    var firstOf: [Int32] = []
    var firstNull = -1
    values.withUnsafeBufferPointer { v in
      validity.withValidityWords { valid in
        // 1–2. The key images of the valid rows in their partitions, and the first NULL row.
        let partitions = keyPartitions(rows: n, valid: valid, bits: bits, chunkRows: chunkRows, threads: threads) {
          v[$0].groupKey
        }
        partStart = partitions.partStart
        chunkStart = partitions.chunkStart
        if valid.hasNulls {
          for (w, word) in valid.words.enumerated() where ~word != 0 {
            let row = w << 6 | (~word).trailingZeroBitCount
            if row < n { firstNull = row }
            break
          }
        }
        let validRows = partStart[parts]
        if Interrupt.isRequested { return }
        // 3. Each partition in its own table: local ids, the first occurrence stored as `~id`.
        let localIds = ScratchBuffer<Int32>(count: validRows)
        let batches = Swift.min(parts, 16)
        let perBatch = parts / batches
        let expectedPerPart = expected / parts + 1
        partitions.keys.withBuffer { keyBuffer in
          let k = UnsafeBufferPointer(keyBuffer)
          localIds.withBuffer { out in
            localCount.withUnsafeMutableBufferPointer { lc in
              stoppedParts.withUnsafeMutableBufferPointer { stop in
                partStart.withUnsafeBufferPointer { ps in
                  Parallelism.forEachMorsel(batches, threads: threads) { b in
                    var table: [Int64] = []
                    for p in (b * perBatch)..<((b + 1) * perBatch) {
                      if Interrupt.isRequested {
                        stop[p] = true
                        return
                      }
                      lc[p] = groupPartition(k, UnsafeMutableBufferPointer(rebasing: out[ps[p]..<ps[p + 1]]),
                                             range: ps[p]..<ps[p + 1], bits: bits, expected: expectedPerPart, table: &table)
                    }
                  }
                }
              }
            }
          }
        }
        if stoppedParts.contains(true) { return }
        for p in 0..<parts { groupStart[p + 1] = groupStart[p] + localCount[p] }
        // 4. Every row's partition-wide id (partition offset + local id); first rows marked.
        let nullId = Int32(truncatingIfNeeded: groupStart[parts])
        firstOf = [Int32](repeating: 0, count: groupStart[parts] + (firstNull >= 0 ? 1 : 0))
        localIds.withBuffer { local in
          groupOf.withUnsafeMutableBufferPointer { g in
            marks.withUnsafeMutableBufferPointer { m in
              firstOf.withUnsafeMutableBufferPointer { fo in
                chunkStart.withUnsafeBufferPointer { starts in
                  groupStart.withUnsafeBufferPointer { gs in
                    Parallelism.forEachMorsel(chunks, threads: threads) { c in
                      var cursor = Array(starts[(c * parts)..<((c + 1) * parts)])
                      cursor.withUnsafeMutableBufferPointer { at in
                        for row in (c * chunkRows)..<Swift.min(n, (c + 1) * chunkRows) {
                          if !valid.isValid(row) {
                            g[row] = nullId
                            continue
                          }
                          let p = Int(truncatingIfNeeded: partitionMix(v[row].groupKey) &>> partShift)
                          var id = local[at[p]]
                          at[p] &+= 1
                          if id < 0 {
                            id = ~id
                            fo[gs[p] + Int(id)] = Int32(truncatingIfNeeded: row)
                            m[row &>> 6] |= 1 &<< UInt64(row & 63)
                          }
                          g[row] = Int32(truncatingIfNeeded: gs[p]) &+ id
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    if Interrupt.isRequested || stoppedParts.contains(true) { return stopped(rowCount: n) }
    if firstNull >= 0 {
      firstOf[firstOf.count - 1] = Int32(truncatingIfNeeded: firstNull)
      marks[firstNull >> 6] |= 1 << UInt64(firstNull & 63)
    }
    // 5. Global ids: the rank of each group's first row among all first rows.
    var rankBefore = [Int32](repeating: 0, count: marks.count)
    var firstRow = [Int32](repeating: 0, count: firstOf.count)
    var total: Int32 = 0
    for w in 0..<marks.count {
      rankBefore[w] = total
      var word = marks[w]
      while word != 0 {
        firstRow[Int(total)] = Int32(truncatingIfNeeded: w << 6 | word.trailingZeroBitCount)
        total &+= 1
        word &= word &- 1
      }
    }
    var remap = [Int32](repeating: 0, count: firstOf.count)
    for (group, row) in firstOf.enumerated() {
      let r = Int(row)
      let below = marks[r >> 6] & ((1 << UInt64(r & 63)) &- 1)
      remap[group] = rankBefore[r >> 6] &+ Int32(below.nonzeroBitCount)
    }
    remap.withUnsafeBufferPointer { global in
      groupOf.withUnsafeMutableBufferPointer { g in
        Parallelism.forEachMorsel(chunks, threads: threads) { c in
          for row in (c * chunkRows)..<Swift.min(n, (c + 1) * chunkRows) { g[row] = global[Int(g[row])] }
        }
      }
    }
    return GroupIndex(groupOf: groupOf, groupCount: firstOf.count, firstRow: firstRow)
  }

  /// Groups the keys `k[range]` of one partition through `table` (reused between partitions),
  /// writing each key's local id to `out` (one slot per key of the range), as `~id` at its first
  /// occurrence; returns the number of local groups. The table starts sized for `expected` keys
  /// and doubles when half full. Partitioned distinct counts use it too.
  static func groupPartition(
    _ k: UnsafeBufferPointer<Int64>, _ out: UnsafeMutableBufferPointer<Int32>, range: Range<Int>, bits: Int,
    expected: Int, table: inout [Int64]
  ) -> Int {
    var capacity = hashCapacity(expected: expected)
    if table.count >= capacity * 2 {
      capacity = table.count / 2
      table.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
    } else {
      table = [Int64](repeating: 0, count: capacity * 2)
    }
    var shift = UInt64(64 - capacity.trailingZeroBitCount)
    let high = UInt64(bits)
    var next: Int32 = 0
    var e = range.lowerBound
    while e < range.upperBound {
      let limit = Int32(truncatingIfNeeded: capacity / 2)
      let mask = capacity - 1
      table.withUnsafeMutableBufferPointer { t in
        while e < range.upperBound && next < limit {
          let key = k[e]
          var slot = Int(truncatingIfNeeded: (partitionMix(key) &<< high) &>> shift)
          while true {
            let stored = t[slot &* 2 &+ 1]
            if stored == 0 {
              t[slot &* 2] = key
              t[slot &* 2 &+ 1] = Int64(next) &+ 1
              out[e &- range.lowerBound] = ~next
              next &+= 1
              break
            }
            if t[slot &* 2] == key {
              out[e &- range.lowerBound] = Int32(truncatingIfNeeded: stored &- 1)
              break
            }
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
            for pair in 0..<(o.count / 2) where o[pair &* 2 &+ 1] != 0 {
              let key = o[pair &* 2]
              var slot = Int(truncatingIfNeeded: (partitionMix(key) &<< high) &>> shift)
              while t[slot &* 2 &+ 1] != 0 { slot = (slot &+ 1) & newMask }
              t[slot &* 2] = key
              t[slot &* 2 &+ 1] = o[pair &* 2 &+ 1]
            }
          }
        }
        table = grown
      }
    }
    return Int(next)
  }
}
