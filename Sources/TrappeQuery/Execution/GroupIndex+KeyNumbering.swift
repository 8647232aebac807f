import TrappeBase
import TrappeStorage

extension GroupIndex {
  /// Numbers the key images of rows in order of first appearance, through an open-addressing
  /// hash table: the one table of ``hashed(_:validity:)``.
  ///
  /// The table stores `(key, id + 1)` pairs side by side in one `[Int64]` (0 in the id half
  /// marks an empty slot), probes linearly from a Fibonacci hash, and doubles when half full.
  /// NULL rows share one id outside the table, numbered where the first of them comes.
  struct KeyNumbering {
    /// The pairs, from the scratch pool (in huge pages when large, see ``ScratchPool``).
    private var table: ScratchBuffer<Int64>
    private var capacity: Int
    private var shift: UInt64
    /// Ids given so far, the NULL group's included.
    private(set) var count: Int32 = 0
    /// The first row of each id.
    private(set) var firstRow: [Int32] = []
    /// The NULL group's id, or -1 before the first NULL row.
    private var nullId: Int32 = -1

    /// An empty numbering whose table holds about `expected` keys before it grows; `rows` bounds
    /// the ids it can give (for reserving `firstRow`).
    init(expected: Int, rows: Int) {
      capacity = hashCapacity(expected: expected)
      shift = UInt64(64 - capacity.trailingZeroBitCount)
      table = emptyTable(capacity: capacity)
      firstRow.reserveCapacity(Swift.min(rows, expected + 1))
    }

    /// Writes the id of each row of `rows` to `g[row]`, numbering new keys as they come;
    /// false when Ctrl-C stopped it (read every ``pollInterval`` rows).
    mutating func number<T: GroupKeyRepresentable>(
      _ v: UnsafeBufferPointer<T>, _ bits: ValidityBits, rows: Range<Int>, into g: UnsafeMutableBufferPointer<Int32>
    ) -> Bool {
      var row = rows.lowerBound
      let end = rows.upperBound
      let ahead = prefetchDistance
      var next = count
      var nullId = nullId
      // Keys in the table: every id but the NULL group's.
      var used = Int(next) - (nullId >= 0 ? 1 : 0)
      // Taken out of `self` while numbering, so appends never copy it.
      var firstRow: [Int32] = []
      swap(&firstRow, &self.firstRow)
      defer {
        self.count = next
        self.nullId = nullId
        self.firstRow = firstRow
      }
      while row < end {
        let limit = capacity / 2
        let mask = capacity - 1
        let shift = shift
        let stopped = table.withBuffer { t -> Bool in
          while row < end && used < limit {
            if row & (pollInterval - 1) == 0 && row > rows.lowerBound && Interrupt.isRequested { return true }
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
            if row &+ ahead < end {
              prefetch(t.baseAddress! + hashSlot(v[row &+ ahead].groupKey, shift: shift) &* 2)
            }
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
          return false
        }
        if stopped { return false }
        if row < end { grow() }
      }
      return true
    }

    /// Doubles the table.
    private mutating func grow() {
      capacity *= 2
      shift -= 1
      table = rehash(table, capacity: capacity, shift: shift)
    }
  }
}
