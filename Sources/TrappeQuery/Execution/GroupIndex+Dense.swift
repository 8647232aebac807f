import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Rows from which a dense grouping numbers its slots on all threads. The environment
  /// variable `TRAPPE_PARALLEL_DENSE_ROWS` overrides it (tests send small tables there with
  /// it); the index is the same either way.
  static let parallelDenseMinRows = Environment.positiveInt("TRAPPE_PARALLEL_DENSE_ROWS") ?? 1 << 17

  /// Rows whose slots are made at a time, in a buffer that stays in the core's cache.
  static let slotBlockRows = 4096

  /// Groups keys whose images lie in `base..<base + domain` through an array of slots (slot
  /// `domain` holds the NULL group): ``dense(slots:digits:threads:minRows:)`` with one digit.
  static func dense<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, base: Int64, domain: Int
  ) -> GroupIndex {
    dense(slots: domain + 1, digits: [SlotDigit(values, validity: validity, base: base, domain: domain)])
  }

  /// Groups rows by their slot number, made of `digits` (the first digit most significant) and
  /// less than `slots`, numbering groups in order of first appearance.
  ///
  /// Rows are read in blocks of ``slotBlockRows``: the digits write the block's slots into a
  /// buffer, then each row looks its slot up in an array of ids. From ``parallelDenseMinRows``
  /// rows, when the slot arrays stay small against the rows, each thread numbers a range of rows
  /// in a slot array of its own. The ranges are then merged in row order: range 0's ids stand;
  /// a later range's groups, in their order of first appearance there, keep the id an earlier
  /// range gave them or take the next one. A group first appears in the earliest range that has
  /// it, at that range's first row of it, so the ids are those of one pass. Last, the rows of
  /// later ranges are mapped from their range's ids to these, on all threads. On Ctrl-C it
  /// returns ``stopped(rowCount:)``. `threads` nil: ``Parallelism/threads``; `minRows` (for
  /// tests): the rows from which ranges are numbered on all threads.
  static func dense(
    slots: Int, digits: [SlotDigit], threads: Int? = nil, minRows: Int = parallelDenseMinRows
  ) -> GroupIndex {
    // Slot numbers are made in 32 bits; the dense limit keeps them far below 2^32.
    precondition(slots <= Int(UInt32.max), "dense slots past 32 bits")
    let n = digits.first?.rows ?? 0
    let available = threads ?? Parallelism.threads
    // Every range fills an array of all slots: only when those stay small against the rows.
    let ranges = available > 1 && n >= minRows && slots <= n / 2 ? Swift.min(available, 8) : 1
    var groupOf = [Int32](unsafeUninitializedCapacity: n) { _, initialized in initialized = n }
    var numbered = [RangeNumbering?](repeating: nil, count: ranges)
    groupOf.withUnsafeMutableBufferPointer { g in
      let ids = g
      numbered.withUnsafeMutableBufferPointer { out in
        Parallelism.forEachMorsel(ranges, threads: available) { r in
          out[r] = number(rows: (r * n / ranges)..<((r + 1) * n / ranges), slots: slots, digits: digits, into: ids)
        }
      }
    }
    guard var global = numbered[0] else { return stopped(rowCount: n) }
    var maps: [[Int32]] = [[]]
    for r in 1..<ranges {
      guard let local = numbered[r] else { return stopped(rowCount: n) }
      var map = [Int32](repeating: 0, count: local.firstRow.count)
      global.ids.withUnsafeMutableBufferPointer { s in
        for j in 0..<local.firstRow.count {
          let slot = Int(local.slotOrder[j])
          var id = s[slot]
          if id < 0 {
            id = Int32(truncatingIfNeeded: global.firstRow.count)
            s[slot] = id
            global.firstRow.append(local.firstRow[j])
          }
          map[j] = id
        }
      }
      // A range that met its groups in the order of the ids so far needs no mapping.
      let identity = map.indices.allSatisfy { map[$0] == Int32(truncatingIfNeeded: $0) }
      maps.append(identity ? [] : map)
    }
    if ranges > 1 {
      // Chunks of the later ranges' rows, mapped on all threads.
      let chunkRows = 1 << 16
      var chunks: [(Range<Int>, Int)] = []
      for r in 1..<ranges where !maps[r].isEmpty {
        let rows = (r * n / ranges)..<((r + 1) * n / ranges)
        var start = rows.lowerBound
        while start < rows.upperBound {
          chunks.append((start..<Swift.min(start + chunkRows, rows.upperBound), r))
          start += chunkRows
        }
      }
      groupOf.withUnsafeMutableBufferPointer { g in
        let ids = g
        Parallelism.forEachMorsel(chunks.count, threads: available) { c in
          let (rows, r) = chunks[c]
          maps[r].withUnsafeBufferPointer { map in
            for row in rows { ids[row] = map[Int(ids[row])] }
          }
        }
      }
    }
    return GroupIndex(groupOf: groupOf, groupCount: global.firstRow.count, firstRow: global.firstRow)
  }

  /// The ids one range of rows gives its slots.
  private struct RangeNumbering {
    /// The id of every slot, -1 for slots the range does not have.
    var ids: [Int32]
    /// The first row of each id.
    var firstRow: [Int32]
    /// The slot of each id.
    var slotOrder: [Int32]
  }

  /// Numbers the slots of `rows` in order of first appearance there, writing each row's id into
  /// `groupOf`; nil on Ctrl-C.
  private static func number(
    rows: Range<Int>, slots: Int, digits: [SlotDigit], into groupOf: UnsafeMutableBufferPointer<Int32>
  ) -> RangeNumbering? {
    var ids = [Int32](repeating: -1, count: slots)
    var firstRow: [Int32] = []
    var slotOrder: [Int32] = []
    var next: Int32 = 0
    let buffer = UnsafeMutablePointer<UInt32>.allocate(capacity: slotBlockRows)
    defer { buffer.deallocate() }
    var start = rows.lowerBound
    while start < rows.upperBound {
      if Interrupt.isRequested { return nil }
      let block = start..<Swift.min(start + slotBlockRows, rows.upperBound)
      for (index, digit) in digits.enumerated() { digit.writeSlots(block, buffer, index == 0) }
      ids.withUnsafeMutableBufferPointer { s in
        for row in block {
          let slot = Int(truncatingIfNeeded: buffer[row &- start])
          var id = s[slot]
          if id < 0 {
            id = next
            s[slot] = id
            next &+= 1
            firstRow.append(Int32(truncatingIfNeeded: row))
            slotOrder.append(Int32(truncatingIfNeeded: slot))
          }
          groupOf[row] = id
        }
      }
      start = block.upperBound
    }
    return RangeNumbering(ids: ids, firstRow: firstRow, slotOrder: slotOrder)
  }
}
