import TrappeStorage

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One column of a CSV load while it is parsed: values in raw memory that grows by doubling,
/// and a bitmap of null rows made at the first null.
///
/// A class, so that appending through the array of a ``ColumnBuilders`` costs no
/// copy-on-write check; only the loader holds it. The memory is freed by ``release()``
/// (``ColumnBuilders/concatenate(_:skip:)`` calls it as it copies each part into the final
/// column) or at deinit.
///
/// While parsed, ints are 8 bytes and string codes 4; ``shrink()`` (at the end of a morsel)
/// narrows a piece to what it holds: ints to the narrowest width of its range, codes to the
/// width of its dictionary, no capacity slack. Appending after that is a programming error.
/// One thread owns a buffer from its creation to its join, and no two accesses of a property
/// overlap: its properties skip the runtime's exclusivity checks (2.6 % of a 10M-row load).
final class ColumnBuffer {
  enum Kind {
    case int64, double, bool, string, period
  }

  let kind: Kind
  /// Bytes per value in ``data``: 8 (int, double), 1 (bool), 4 (string code, period ordinal)
  /// while parsed; after ``shrink()`` an int piece's 1, 2, 4 or 8 and a string piece's 1, 2 or 4.
  @exclusivity(unchecked) private(set) var width: Int
  @exclusivity(unchecked) private(set) var data: UnsafeMutableRawPointer
  @exclusivity(unchecked) private(set) var count = 0
  @exclusivity(unchecked) private var capacity: Int
  /// An int piece's smallest and largest value (null slots hold 0, and the range holds 0),
  /// known once ``shrink()`` has scanned it.
  @exclusivity(unchecked) private var range: (low: Int64, high: Int64)?
  @exclusivity(unchecked) private(set) var isShrunk = false
  /// Bit `i` set: row `i` is null. Nil while there is none.
  @exclusivity(unchecked) private(set) var nulls: UnsafeMutablePointer<UInt64>?
  @exclusivity(unchecked) private var nullWordCapacity = 0

  /// String columns: byte strings to codes, and the strings in code order.
  @exclusivity(unchecked) private var interner = ByteInterner()
  @exclusivity(unchecked) private var internerLive = true
  @exclusivity(unchecked) private(set) var dictionary: [String] = []
  @exclusivity(unchecked) private var lookup: [String: UInt32] = [:]

  /// Period columns: the unit, and a direct-mapped cache of cell bytes (at most 8) to ordinals.
  let unit: PeriodUnit
  @exclusivity(unchecked) private var cacheKeys: UnsafeMutablePointer<UInt64>?
  @exclusivity(unchecked) private var cacheOrdinals: UnsafeMutablePointer<Int32>?
  @exclusivity(unchecked) private var cacheLengths: UnsafeMutablePointer<UInt8>?
  private static let cacheBits = 12

  init(kind: Kind, unit: PeriodUnit, capacity: Int) {
    self.kind = kind
    self.unit = unit
    switch kind {
    case .int64, .double: width = 8
    case .bool: width = 1
    case .string, .period: width = 4
    }
    self.capacity = max(16, capacity)
    data = UnsafeMutableRawPointer.allocate(byteCount: self.capacity * width, alignment: 8)
    if kind == .period {
      let slots = 1 << ColumnBuffer.cacheBits
      let keys = UnsafeMutablePointer<UInt64>.allocate(capacity: slots)
      keys.initialize(repeating: 0, count: slots)
      cacheKeys = keys
      let lengths = UnsafeMutablePointer<UInt8>.allocate(capacity: slots)
      lengths.initialize(repeating: 0, count: slots)  // length 0: an empty slot, never a cell's
      cacheLengths = lengths
      let ordinals = UnsafeMutablePointer<Int32>.allocate(capacity: slots)
      ordinals.initialize(repeating: 0, count: slots)
      cacheOrdinals = ordinals
    }
  }

  deinit {
    release()
    data.deallocate()
  }

  /// Frees the memory; the buffer holds no rows after.
  func release() {
    releaseParseState()
    data.deallocate()
    capacity = 0
    count = 0
    data = UnsafeMutableRawPointer.allocate(byteCount: 0, alignment: 8)
    nulls?.deallocate()
    nulls = nil
    nullWordCapacity = 0
  }

  /// Frees what only appending needs: the interner, the string lookup and the period cache.
  /// The dictionary (the strings in code order) stays.
  private func releaseParseState() {
    if internerLive {
      interner.deallocate()
      internerLive = false
    }
    lookup = [:]
    cacheKeys?.deallocate()
    cacheKeys = nil
    cacheOrdinals?.deallocate()
    cacheOrdinals = nil
    cacheLengths?.deallocate()
    cacheLengths = nil
  }

  private func grow() {
    let bigger = max(16, capacity * 2)
    let moved = UnsafeMutableRawPointer.allocate(byteCount: bigger * width, alignment: 8)
    moved.copyMemory(from: data, byteCount: count * width)
    data.deallocate()
    data = moved
    capacity = bigger
  }

  @inline(__always) private func reserveOne() {
    if count == capacity { grow() }
  }

  @inline(__always) func append(_ value: Int64) {
    reserveOne()
    data.storeBytes(of: value, toByteOffset: count &* 8, as: Int64.self)
    count &+= 1
  }

  @inline(__always) func append(_ value: Double) {
    reserveOne()
    data.storeBytes(of: value, toByteOffset: count &* 8, as: Double.self)
    count &+= 1
  }

  @inline(__always) func append(_ value: Bool) {
    reserveOne()
    data.storeBytes(of: value ? 1 : 0, toByteOffset: count, as: UInt8.self)
    count &+= 1
  }

  /// Appends a string code or a period ordinal.
  @inline(__always) func append(_ value: UInt32) {
    reserveOne()
    data.storeBytes(of: value, toByteOffset: count &* 4, as: UInt32.self)
    count &+= 1
  }

  /// Appends a null row (the value slot holds 0, false or code 0).
  func appendNull() {
    reserveOne()
    switch width {
    case 8: data.storeBytes(of: 0, toByteOffset: count &* 8, as: UInt64.self)
    case 4: data.storeBytes(of: 0, toByteOffset: count &* 4, as: UInt32.self)
    default: data.storeBytes(of: 0, toByteOffset: count, as: UInt8.self)
    }
    let word = count >> 6
    if word >= nullWordCapacity {
      let grown = max(word + 1, (capacity + 63) / 64, nullWordCapacity * 2)
      let words = UnsafeMutablePointer<UInt64>.allocate(capacity: grown)
      words.initialize(repeating: 0, count: grown)
      if let old = nulls {
        words.update(from: old, count: nullWordCapacity)
        old.deallocate()
      }
      nulls = words
      nullWordCapacity = grown
    }
    nulls?[word] |= 1 &<< UInt64(count & 63)
    count &+= 1
  }

  /// The code of a string cell, adding the string to the dictionary when new. Byte strings
  /// that are equal as Swift strings (canonically equivalent) share one code.
  @inline(__always) func code(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32 {
    let hash: UInt64
    if n <= ByteInterner.shortLength {
      let (low, middle, high) = ByteInterner.words(p, n)
      hash = ByteInterner.hash(low: low, middle: middle, high: high, length: n)
      if let code = interner.code(low: low, middle: middle, high: high, length: n, hash: hash) { return code }
    } else {
      hash = ByteInterner.hash(p, n)
      if let code = interner.code(p, n, hash: hash) { return code }
    }
    return newCode(p, n, hash: hash)
  }

  /// The code of a string cell the interner does not hold yet (a new string, or new bytes
  /// for a string already in the dictionary).
  private func newCode(_ p: UnsafePointer<UInt8>, _ n: Int, hash: UInt64) -> UInt32 {
    let text = String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)
    let code: UInt32
    if let known = lookup[text] {
      code = known
    } else {
      code = UInt32(dictionary.count)
      dictionary.append(text)
      lookup[text] = code
    }
    interner.insert(p, n, hash: hash, code: code)
    return code
  }

  /// The ordinal of a period cell of this column's unit, or nil when the cell is not one.
  @inline(__always) func periodOrdinal(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
    guard n <= 8, n > 0, let keys = cacheKeys, let ordinals = cacheOrdinals, let lengths = cacheLengths else {
      return parsePeriod(p, n)
    }
    let key = ByteInterner.words(p, n).low
    // Two-way: a cell is looked for in its slot and the slot's neighbour (slot ^ 1), so two
    // periods that hash to one slot do not evict each other on every row.
    let slot = Int(truncatingIfNeeded: ((key ^ UInt64(n)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - ColumnBuffer.cacheBits))
    if keys[slot] == key && Int(lengths[slot]) == n { return ordinals[slot] }
    let other = slot ^ 1
    if keys[other] == key && Int(lengths[other]) == n { return ordinals[other] }
    guard let ordinal = parsePeriod(p, n) else { return nil }
    let into = lengths[slot] != 0 && lengths[other] == 0 ? other : slot
    keys[into] = key
    lengths[into] = UInt8(n)
    ordinals[into] = ordinal
    return ordinal
  }

  private func parsePeriod(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32? {
    guard let period = Period.parse(UnsafeBufferPointer(start: p, count: n)), period.unit == unit else { return nil }
    return period.ordinal
  }

  /// Bytes held for values and null bits (what the piece costs until it is joined).
  var byteCount: Int { capacity * width + nullWordCapacity * 8 }

  /// Narrows the piece to what it holds, once its rows are all appended: an int piece to the
  /// narrowest of 1, 2, 4 and 8 bytes that holds its range, a string piece's codes to the width
  /// of its own dictionary, every piece to exactly its rows (no growth slack), the null bitmap
  /// to its rows' words. The parse-only state (interner, lookup, period cache) is freed. The
  /// values read back the same through ``copyIntegers(into:)`` and ``copyCodes(into:remap:)``.
  func shrink() {
    guard !isShrunk else { return }
    isShrunk = true
    releaseParseState()
    var narrow = width
    switch kind {
    case .int64:
      let values = UnsafeBufferPointer(start: data.assumingMemoryBound(to: Int64.self), count: count)
      var low: Int64 = 0
      var high: Int64 = 0
      for v in values {
        low = min(low, v)
        high = max(high, v)
      }
      range = (low, high)
      narrow = Int64Column.bitWidth(low: low, high: high) / 8
    case .string:
      narrow = DictionaryCodes.bitWidth(forEntries: dictionary.count) / 8
    case .double, .bool, .period:
      break
    }
    let moved = UnsafeMutableRawPointer.allocate(byteCount: count * narrow, alignment: 8)
    switch kind {
    case .int64: ColumnBuffer.convert(data, Int64.self, width: narrow, signed: true, into: moved, count: count)
    case .string: ColumnBuffer.convert(data, UInt32.self, width: narrow, signed: false, into: moved, count: count)
    case .double, .bool, .period: moved.copyMemory(from: data, byteCount: count * width)
    }
    data.deallocate()
    data = moved
    capacity = count
    width = narrow
    if let old = nulls {
      let words = (count + 63) / 64
      if words < nullWordCapacity {
        let kept = UnsafeMutablePointer<UInt64>.allocate(capacity: max(1, words))
        kept.update(from: old, count: words)
        old.deallocate()
        nulls = kept
        nullWordCapacity = words
      }
    }
  }

  /// `count` integers of type `S` at `source` written to `target` as integers of `width` bytes
  /// (signed or not), each value truncated or sign-extended: one generic loop per pair of widths.
  private static func convert<S: FixedWidthInteger>(
    _ source: UnsafeRawPointer, _: S.Type, width: Int, signed: Bool, into target: UnsafeMutableRawPointer, count: Int
  ) {
    func loop<T: FixedWidthInteger>(_: T.Type) {
      let from = source.assumingMemoryBound(to: S.self)
      let to = target.assumingMemoryBound(to: T.self)
      for i in 0..<count { to[i] = T(truncatingIfNeeded: from[i]) }
    }
    switch (width, signed) {
    case (1, true): loop(Int8.self)
    case (2, true): loop(Int16.self)
    case (4, true): loop(Int32.self)
    case (_, true): loop(Int64.self)
    case (1, false): loop(UInt8.self)
    case (2, false): loop(UInt16.self)
    default: loop(UInt32.self)
    }
  }

  /// An int piece's smallest and largest value, with 0 in the range (null slots hold 0): known
  /// after ``shrink()``, else scanned (an unshrunk piece holds 8-byte values).
  func integerRange() -> (low: Int64, high: Int64) {
    if let range { return range }
    var low: Int64 = 0
    var high: Int64 = 0
    for v in UnsafeBufferPointer(start: data.assumingMemoryBound(to: Int64.self), count: count) {
      low = min(low, v)
      high = max(high, v)
    }
    return (low, high)
  }

  /// Copies an int piece's values (of whatever width it holds) into `target` as `T`, which is
  /// wide enough for them (sign-extended, or truncated from 8 bytes when the range fits).
  func copyIntegers<T: FixedWidthInteger>(into target: UnsafeMutablePointer<T>) {
    func loop<S: FixedWidthInteger>(_: S.Type) {
      let from = data.assumingMemoryBound(to: S.self)
      for i in 0..<count { target[i] = T(truncatingIfNeeded: from[i]) }
    }
    switch width {
    case 1: loop(Int8.self)
    case 2: loop(Int16.self)
    case 4: loop(Int32.self)
    default: loop(Int64.self)
    }
  }

  /// Copies a string piece's codes (of whatever width it holds) into `target` as `Code`, through
  /// `remap` (piece code to file code) when given. A code outside the remap or the dictionary (a
  /// null slot's 0 in an empty dictionary) is written as 0.
  func copyCodes<Code: FixedWidthInteger & UnsignedInteger>(
    into target: UnsafeMutablePointer<Code>, remap: UnsafeBufferPointer<UInt32>?
  ) {
    let limit = dictionary.count
    func loop<S: FixedWidthInteger & UnsignedInteger>(_: S.Type) {
      let from = data.assumingMemoryBound(to: S.self)
      if let remap {
        for i in 0..<count {
          let code = Int(from[i])
          target[i] = code < remap.count ? Code(truncatingIfNeeded: remap[code]) : 0
        }
      } else {
        for i in 0..<count {
          let code = Int(from[i])
          target[i] = code < limit ? Code(truncatingIfNeeded: code) : 0
        }
      }
    }
    switch width {
    case 1: loop(UInt8.self)
    case 2: loop(UInt16.self)
    default: loop(UInt32.self)
    }
  }

  /// Copies the values into `target` from element `offset` on.
  func copyValues<T>(into target: UnsafeMutableBufferPointer<T>, at offset: Int) {
    guard count > 0, let base = target.baseAddress else { return }
    UnsafeMutableRawPointer(base + offset).copyMemory(from: data, byteCount: count * width)
  }

  /// Calls `body` with the index of every null row, in order.
  func forEachNull(_ body: (Int) -> Void) {
    guard let nulls else { return }
    let words = (count + 63) / 64
    for w in 0..<words {
      var bits = nulls[w]
      while bits != 0 {
        body(w * 64 + bits.trailingZeroBitCount)
        bits &= bits &- 1
      }
    }
  }
}
