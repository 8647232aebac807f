import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Groups keys of any range through open-addressing hash tables on their `Int64` images
  /// (``KeyNumbering``), numbering groups in order of first appearance.
  ///
  /// Tables start at the size ``estimatedDistinct(rows:key:)`` asks for, so a good estimate means
  /// no rehash at all. One table serves small inputs and one thread. From ``partitionMinRows``
  /// rows with an estimate too large for a table in cache it groups hash partitions instead
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
    var numbering = KeyNumbering(expected: expected, rows: n)
    var groupOf = [Int32](repeating: 0, count: n)
    let done = values.withUnsafeBufferPointer { v in
      validity.withValidityWords { bits in
        groupOf.withUnsafeMutableBufferPointer { g in numbering.number(v, bits, rows: 0..<n, into: g) }
      }
    }
    if !done { return GroupIndex.stopped(rowCount: n) }
    return GroupIndex(groupOf: groupOf, groupCount: Int(numbering.count), firstRow: numbering.firstRow)
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
