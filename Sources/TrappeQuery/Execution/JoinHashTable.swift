
/// An open-addressing (linear probing) table that numbers distinct Int64 keys 0, 1, 2, ...
struct JoinHashTable {
  private var slots: [Int32]
  /// The key of every group id, in insertion order.
  private(set) var keys: [Int64] = []
  private let shift: UInt64
  private let mask: Int

  /// Creates a table sized for about `expected` distinct keys (load factor at most 1/2).
  init(expected: Int) {
    var capacity = 16
    var log2 = 4
    while capacity < expected * 2 {
      capacity <<= 1
      log2 += 1
    }
    slots = [Int32](repeating: -1, count: capacity)
    shift = UInt64(64 - log2)
    mask = capacity - 1
    keys.reserveCapacity(expected)
  }

  /// The number of distinct keys.
  var count: Int { keys.count }

  @inline(__always)
  private func home(_ key: Int64) -> Int {
    Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) &>> shift)
  }

  /// The id of `key`, numbering it when new; the table must not exceed its expected size.
  mutating func insert(_ key: Int64) -> Int32 {
    if keys.count * 2 >= slots.count { grow() }
    var slot = home(key)
    while true {
      let id = slots[slot]
      if id < 0 {
        let newID = Int32(truncatingIfNeeded: keys.count)
        slots[slot] = newID
        keys.append(key)
        return newID
      }
      if keys[Int(id)] == key { return id }
      slot = (slot &+ 1) & mask
    }
  }

  /// The id of `key`, or -1 when absent.
  func find(_ key: Int64) -> Int32 {
    var slot = home(key)
    while true {
      let id = slots[slot]
      if id < 0 { return -1 }
      if keys[Int(id)] == key { return id }
      slot = (slot &+ 1) & mask
    }
  }

  /// Rebuilds with twice the capacity.
  private mutating func grow() {
    var bigger = JoinHashTable(expected: slots.count)
    for key in keys { _ = bigger.insert(key) }
    self = bigger
  }
}
