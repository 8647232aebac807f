import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Groups `rowCount` rows by `keys` morsel by morsel, with exactly the result of
  /// ``build(keys:rowCount:)``; nil when the keys take the one-pass path (no keys, one morsel,
  /// or many groups: more than a quarter of the first morsel's rows are groups of their own, or a
  /// string key's dictionary is that large).
  ///
  /// Each morsel is grouped on its own (its groups in order of first appearance there); then the
  /// first row of every morsel's every group, in morsel order, is grouped once more. A group first
  /// appears in the earliest morsel that has it, at that morsel's first row of it, so the second
  /// grouping numbers the groups in order of first appearance in the whole input, as one pass
  /// does, and gives each group's first row. Every row then looks its group up through its
  /// morsel's group. `threads` nil: ``Parallelism/threads``.
  static func buildInMorsels(keys: [Column], rowCount: Int, morselRows: Int, threads: Int?) -> GroupIndex? {
    guard !keys.isEmpty, Morsels.applies(to: rowCount, size: morselRows) else { return nil }
    // A string key groups by an array as long as its dictionary: every morsel would pay for all of it.
    for key in keys {
      if case .string(let c) = key, c.dictionary.count > morselRows / 4 { return nil }
    }
    let ranges = Morsels.ranges(rowCount, size: morselRows)
    // The first morsel alone decides whether morsels pay: with many groups the second grouping
    // would redo the whole input. It depends on the data and the morsel size, never on threads.
    let head = build(keys: keys.map { $0.morsel(ranges[0]) }, rowCount: ranges[0].count)
    if head.groupCount * 4 > ranges[0].count { return nil }
    let rest = Morsels.map(Array(ranges.dropFirst()), threads: threads) { _, range in
      build(keys: keys.map { $0.morsel(range) }, rowCount: range.count)
    }
    var local: [GroupIndex] = [head]
    for morsel in rest {
      guard let morsel else { return stopped(rowCount: rowCount) }  // Ctrl-C
      local.append(morsel)
    }
    // The first row of each morsel's groups, as rows of the input, in morsel order.
    var offsets: [Int] = []
    var representatives: [Int32] = []
    for (morsel, range) in zip(local, ranges) {
      offsets.append(representatives.count)
      for row in morsel.firstRow { representatives.append(Int32(range.lowerBound) + row) }
    }
    let merged = build(keys: keys.map { $0.gather(representatives) }, rowCount: representatives.count)
    let firstRow = merged.firstRow.map { representatives[Int($0)] }
    var groupOf = [Int32](repeating: 0, count: rowCount)
    groupOf.withUnsafeMutableBufferPointer { out in
      let target = out
      Parallelism.forEachMorsel(ranges.count, threads: threads) { m in
        let start = ranges[m].lowerBound
        let offset = offsets[m]
        merged.groupOf.withUnsafeBufferPointer { global in
          local[m].groupOf.withUnsafeBufferPointer { own in
            for row in 0..<own.count { target[start + row] = global[offset + Int(own[row])] }
          }
        }
      }
    }
    return GroupIndex(groupOf: groupOf, groupCount: merged.groupCount, firstRow: firstRow)
  }
}
