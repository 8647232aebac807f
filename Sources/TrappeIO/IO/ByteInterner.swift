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
///
/// Strings of at most 24 bytes (most cells of keys and categories) are compared as three
/// zero-padded words kept in their entry, with no call to `memcmp`; their hash mixes the
/// same three words.
struct ByteInterner {
  private struct Entry {
    var offset: Int
    var length: Int
    var hash: UInt64
    /// The bytes of a string of at most 24 bytes, zero-padded (see ``words(_:_:)``).
    var low: UInt64
    var middle: UInt64
    var high: UInt64
    var code: UInt32
  }

  /// The longest string compared by its words instead of its bytes.
  static let shortLength = 24

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

  /// The bytes of a string of at most 24 bytes as three little-endian words, zero-padded:
  /// byte `i` is byte `i % 8` of word `i / 8`. Reads only the string's own bytes (overlapping
  /// loads shifted into place), never past its end.
  @inline(__always)
  static func words(_ p: UnsafePointer<UInt8>, _ n: Int) -> (low: UInt64, middle: UInt64, high: UInt64) {
    let raw = UnsafeRawPointer(p)
    if n >= 16 {
      let low = raw.loadUnaligned(as: UInt64.self).littleEndian
      let middle = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self).littleEndian
      guard n > 16 else { return (low, middle, 0) }
      let last = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self).littleEndian
      return (low, middle, last &>> UInt64((24 &- n) &* 8))
    }
    if n >= 8 {
      let low = raw.loadUnaligned(as: UInt64.self).littleEndian
      guard n > 8 else { return (low, 0, 0) }
      let last = raw.loadUnaligned(fromByteOffset: n &- 8, as: UInt64.self).littleEndian
      return (low, last &>> UInt64((16 &- n) &* 8), 0)
    }
    if n >= 4 {
      let first = UInt64(raw.loadUnaligned(as: UInt32.self).littleEndian)
      let last = UInt64(raw.loadUnaligned(fromByteOffset: n &- 4, as: UInt32.self).littleEndian)
      return (first | (last &>> UInt64((8 &- n) &* 8)) &<< 32, 0, 0)
    }
    var low: UInt64 = 0
    var i = 0
    while i < n {
      low |= UInt64(p[i]) &<< UInt64(i &* 8)
      i &+= 1
    }
    return (low, 0, 0)
  }

  /// The hash of a string of at most 24 bytes from its ``words(_:_:)``.
  @inline(__always)
  static func hash(low: UInt64, middle: UInt64, high: UInt64, length n: Int) -> UInt64 {
    var h = (low ^ 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)) &* 0xBF58_476D_1CE4_E5B9
    h = (h ^ (h >> 31) ^ middle) &* 0x94D0_49BB_1331_11EB
    h = (h ^ (h >> 29) ^ high) &* 0xBF58_476D_1CE4_E5B9
    return h ^ (h >> 31)
  }

  /// A hash of a longer string's bytes, 8 at a time (multiply and xor-shift rounds, as in splitmix64).
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

  /// The code stored for a string of at most 24 bytes, given by its ``words(_:_:)`` and
  /// ``hash(low:middle:high:length:)``, if any.
  @inline(__always)
  func code(low: UInt64, middle: UInt64, high: UInt64, length n: Int, hash: UInt64) -> UInt32? {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { return nil }
      let entry = entries[index]
      if entry.low == low && entry.middle == middle && entry.high == high && entry.length == n { return entry.code }
      slot = (slot &+ 1) & mask
    }
  }

  /// The code stored for these bytes (longer than 24), if any; `hash` must come from ``hash(_:_:)``.
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

  /// Records `code` for bytes that ``code(_:_:hash:)`` (or, for at most 24 bytes,
  /// ``code(low:middle:high:length:hash:)``) did not find; `hash` is the one that lookup took.
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
    let short = n <= ByteInterner.shortLength ? ByteInterner.words(p, n) : (low: 0, middle: 0, high: 0)
    (entries + entryCount).initialize(
      to: Entry(
        offset: arenaCount, length: n, hash: hash, low: short.low, middle: short.middle, high: short.high, code: code))
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
