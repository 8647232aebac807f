#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps byte strings to dictionary codes without creating a `String` for ones seen before.
///
/// An open-addressing hash table over an arena of the distinct byte strings, in raw memory
/// (so that a lookup through a class property copies no array references); its owner frees
/// it with ``deallocate()``. ``ColumnBuffer`` uses it to give string cells their codes.
struct ByteInterner {
  private struct Entry {
    var offset: Int
    var length: Int
    var hash: UInt64
    var code: UInt32
  }

  private var slots: UnsafeMutablePointer<Int32>
  private var mask: Int
  private var entries: UnsafeMutablePointer<Entry>
  private var entryCount = 0
  private var entryCapacity = 16
  private var arena: UnsafeMutablePointer<UInt8>
  private var arenaCount = 0
  private var arenaCapacity = 256

  init() {
    slots = .allocate(capacity: 256)
    slots.initialize(repeating: -1, count: 256)
    mask = 255
    entries = .allocate(capacity: 16)
    arena = .allocate(capacity: 256)
  }

  /// Frees the memory; the interner must not be used after.
  func deallocate() {
    slots.deallocate()
    entries.deallocate()
    arena.deallocate()
  }

  /// A hash of the bytes, 8 at a time (multiply and xor-shift rounds, as in splitmix64).
  @inline(__always)
  static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    let raw = UnsafeRawPointer(p)
    var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
    var i = 0
    while i + 8 <= n {
      h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
      h ^= h >> 31
      i += 8
    }
    if i < n {
      var tail: UInt64 = 0
      var shift: UInt64 = 0
      while i < n {
        tail |= UInt64(p[i]) &<< shift
        shift &+= 8
        i += 1
      }
      h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
    }
    return h ^ (h >> 29)
  }

  /// The code stored for these bytes, if any; `hash` must come from ``hash(_:_:)``.
  @inline(__always)
  func code(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32? {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { return nil }
      let entry = entries[index]
      if entry.hash == hash && entry.length == n && (n == 0 || memcmp(arena + entry.offset, p, n) == 0) {
        return entry.code
      }
      slot = (slot + 1) & mask
    }
  }

  /// Records `code` for bytes that ``code(_:_:hash:)`` did not find.
  mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, code: UInt32) {
    if (entryCount + 1) * 2 > mask + 1 { grow() }
    if entryCount == entryCapacity {
      let bigger = entryCapacity * 2
      let moved = UnsafeMutablePointer<Entry>.allocate(capacity: bigger)
      moved.moveInitialize(from: entries, count: entryCount)
      entries.deallocate()
      entries = moved
      entryCapacity = bigger
    }
    if arenaCount + n > arenaCapacity {
      let bigger = max(arenaCapacity * 2, arenaCount + n)
      let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: bigger)
      moved.update(from: arena, count: arenaCount)
      arena.deallocate()
      arena = moved
      arenaCapacity = bigger
    }
    if n > 0 { (arena + arenaCount).update(from: p, count: n) }
    (entries + entryCount).initialize(to: Entry(offset: arenaCount, length: n, hash: hash, code: code))
    arenaCount += n
    place(Int32(entryCount), hash: hash)
    entryCount += 1
  }

  private func place(_ index: Int32, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = index
  }

  private mutating func grow() {
    let count = (mask + 1) * 2
    slots.deallocate()
    slots = .allocate(capacity: count)
    slots.initialize(repeating: -1, count: count)
    mask = count - 1
    for index in 0..<entryCount { place(Int32(index), hash: entries[index].hash) }
  }
}
