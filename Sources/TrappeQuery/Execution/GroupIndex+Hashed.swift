import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Groups keys of any range through an open-addressing hash table on their `Int64` images.
  ///
  /// The table stores `(key, id + 1)` pairs side by side in one `[Int64]`
  /// (0 in the id half marks an empty slot), probes linearly from a
  /// Fibonacci hash, and doubles when half full. NULL rows share one group
  /// outside the table. The table starts at the size ``estimatedDistinct(rows:key:)``
  /// asks for, so a good estimate means no rehash at all. From ``partitionMinRows`` rows with
  /// an estimate too large for a table in cache it groups hash partitions instead
  /// (``partitioned(_:validity:expected:bits:chunkRows:threads:)``), with the same result.
  static func hashed<T: GroupKeyRepresentable>(_ values: [T], validity: ValidityMask) -> GroupIndex {
    let n = values.count
    let expected = values.withUnsafeBufferPointer { v in
      validity.withValidityWords { bits in
        estimatedDistinct(rows: n) { row in bits.isValid(row) ? v[row].groupKey : nil }
      }
    }
    // Many keys over many rows: one table would not fit in cache, partitions do.
    if let bits = partitionBits(rows: n, expected: expected) {
      let chunkRows = testPartitionRows == nil ? partitionChunkRows : 64
      return partitioned(values, validity: validity, expected: expected, bits: bits, chunkRows: chunkRows)
    }
    var capacity = hashCapacity(expected: expected)
    var shift = UInt64(64 - capacity.trailingZeroBitCount)
    // Read at random: from the scratch pool, in huge pages when large (see ``ScratchPool``).
    var table = emptyTable(capacity: capacity)
    var used = 0
    var groupOf = [Int32](repeating: 0, count: n)
    var firstRow: [Int32] = []
    firstRow.reserveCapacity(Swift.min(n, expected + 1))
    var nullId: Int32 = -1
    var next: Int32 = 0
    var row = 0
    var stopped = false
    values.withUnsafeBufferPointer { v in
      groupOf.withUnsafeMutableBufferPointer { g in
        validity.withValidityWords { bits in
          while row < n {
            let limit = capacity / 2
            let mask = capacity - 1
            table.withBuffer { t in
              while row < n && used < limit {
                if row & (pollInterval - 1) == 0 && row > 0 && Interrupt.isRequested {
                  stopped = true
                  return
                }
                if !bits.isValid(row) {
                  if nullId < 0 {
                    nullId = next
                    next &+= 1
                    firstRow.append(Int32(truncatingIfNeeded: row))
                  }
                  g[row] = nullId
                  row &+= 1
                  continue
                }
                let key = v[row].groupKey
                var slot = hashSlot(key, shift: shift)
                while true {
                  let stored = t[slot &* 2 &+ 1]
                  if stored == 0 {
                    t[slot &* 2] = key
                    t[slot &* 2 &+ 1] = Int64(next) &+ 1
                    g[row] = next
                    next &+= 1
                    used &+= 1
                    firstRow.append(Int32(truncatingIfNeeded: row))
                    break
                  }
                  if t[slot &* 2] == key {
                    g[row] = Int32(truncatingIfNeeded: stored &- 1)
                    break
                  }
                  slot = (slot &+ 1) & mask
                }
                row &+= 1
              }
            }
            if stopped { return }
            if row < n {
              capacity *= 2
              shift -= 1
              table = rehash(table, capacity: capacity, shift: shift)
            }
          }
        }
      }
    }
    if stopped { return GroupIndex.stopped(rowCount: n) }
    return GroupIndex(groupOf: groupOf, groupCount: Int(next), firstRow: firstRow)
  }

  /// The home slot of `key` in a table of `2^(64 - shift)` slots.
  @inline(__always)
  static func hashSlot(_ key: Int64, shift: UInt64) -> Int {
    let mixed = UInt64(bitPattern: key ^ (key &>> 29)) &* 0x9E37_79B9_7F4A_7C15
    return Int(truncatingIfNeeded: mixed &>> shift)
  }

  /// A table of `capacity` empty slots (pairs of 0).
  static func emptyTable(capacity: Int) -> ScratchBuffer<Int64> {
    let table = ScratchBuffer<Int64>(count: capacity * 2)
    table.withBuffer { $0.initialize(repeating: 0) }
    return table
  }

  /// Moves every occupied pair of `old` into a fresh table of `capacity` slots.
  static func rehash(_ old: ScratchBuffer<Int64>, capacity: Int, shift: UInt64) -> ScratchBuffer<Int64> {
    let table = emptyTable(capacity: capacity)
    let mask = capacity - 1
    old.withBuffer { o in
      table.withBuffer { t in
        for pair in 0..<(o.count / 2) where o[pair &* 2 &+ 1] != 0 {
          let key = o[pair &* 2]
          var slot = hashSlot(key, shift: shift)
          while t[slot &* 2 &+ 1] != 0 { slot = (slot &+ 1) & mask }
          t[slot &* 2] = key
          t[slot &* 2 &+ 1] = o[pair &* 2 &+ 1]
        }
      }
    }
    return table
  }
}
