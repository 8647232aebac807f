#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Maps byte strings to dictionary codes without creating a `String` for ones seen before.
///
/// An open-addressing hash table over an arena of the distinct byte strings;
/// ``CSVReader`` uses it to feed ``StringColumnBuilder/append(code:)``.
struct ByteInterner {
  private var slots: [Int32]
  private var offsets: [Int] = []
  private var lengths: [Int32] = []
  private var hashes: [UInt64] = []
  private var codes: [UInt32] = []
  private var arena: [UInt8] = []
  private var mask: Int

  init() {
    slots = [Int32](repeating: -1, count: 256)
    mask = 255
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
      let entry = Int(slots[slot])
      if entry < 0 { return nil }
      if hashes[entry] == hash && Int(lengths[entry]) == n {
        let offset = offsets[entry]
        let same = arena.withUnsafeBufferPointer { a -> Bool in
          guard n > 0, let base = a.baseAddress else { return true }
          return memcmp(base + offset, p, n) == 0
        }
        if same { return codes[entry] }
      }
      slot = (slot + 1) & mask
    }
  }

  /// Records `code` for bytes that ``code(_:_:hash:)`` did not find.
  mutating func insert(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64, code: UInt32) {
    if (offsets.count + 1) * 2 > slots.count { grow() }
    let entry = Int32(offsets.count)
    offsets.append(arena.count)
    lengths.append(Int32(n))
    hashes.append(hash)
    codes.append(code)
    arena.append(contentsOf: UnsafeBufferPointer(start: p, count: n))
    place(entry, hash: hash)
  }

  private mutating func place(_ entry: Int32, hash: UInt64) {
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 { slot = (slot + 1) & mask }
    slots[slot] = entry
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    mask = slots.count - 1
    for entry in 0..<hashes.count { place(Int32(entry), hash: hashes[entry]) }
  }
}
