import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Groups keys whose images lie in `base..<base + domain` through an array of slots.
  ///
  /// Slot `domain` holds the NULL group. One pass, one array load and store per row; on Ctrl-C
  /// it stops and returns ``stopped(rowCount:)``.
  static func dense<T: GroupKeyRepresentable>(
    _ values: [T], validity: ValidityMask, base: Int64, domain: Int
  ) -> GroupIndex {
    let n = values.count
    var slots = [Int32](repeating: -1, count: domain + 1)
    var groupOf = [Int32](repeating: 0, count: n)
    var firstRow: [Int32] = []
    var next: Int32 = 0
    var stopped = false
    values.withUnsafeBufferPointer { v in
      slots.withUnsafeMutableBufferPointer { s in
        groupOf.withUnsafeMutableBufferPointer { g in
          validity.withValidityWords { bits in
            for row in 0..<n {
              if row & (pollInterval - 1) == 0 && row > 0 && Interrupt.isRequested {
                stopped = true
                return
              }
              let slot = bits.isValid(row) ? Int(truncatingIfNeeded: v[row].groupKey &- base) : domain
              var id = s[slot]
              if id < 0 {
                id = next
                s[slot] = id
                next &+= 1
                firstRow.append(Int32(truncatingIfNeeded: row))
              }
              g[row] = id
            }
          }
        }
      }
    }
    if stopped { return GroupIndex.stopped(rowCount: n) }
    return GroupIndex(groupOf: groupOf, groupCount: Int(next), firstRow: firstRow)
  }
}
