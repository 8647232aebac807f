/// The dictionary codes of a ``StringColumn``, one per row, stored in the narrowest unsigned
/// width that holds every code of the dictionary: 8 bits up to 256 entries, 16 bits up to
/// 65,536, else 32 bits (`kommune`, 98 entries, takes one byte a row instead of four).
///
/// Kernels switch once per call over the three arms and run one generic loop specialised for
/// the width (a `switch` over the three arms in each kernel); ``widened()`` costs a copy of every code
/// and is meant for paths that are not per-row hot.
public enum DictionaryCodes: Sendable {
  case u8([UInt8])
  case u16([UInt16])
  case u32([UInt32])

  /// The code width in bits (8, 16 or 32).
  package var bitWidth: Int {
    switch self {
    case .u8: 8
    case .u16: 16
    case .u32: 32
    }
  }

  /// The number of codes.
  @inlinable public var count: Int {
    switch self {
    case .u8(let a): a.count
    case .u16(let a): a.count
    case .u32(let a): a.count
    }
  }

  /// The code at `row`, widened (one switch per call: for per-row display and lookups, not for
  /// kernels over whole columns).
  @inlinable public subscript(row: Int) -> Int {
    switch self {
    case .u8(let a): Int(a[row])
    case .u16(let a): Int(a[row])
    case .u32(let a): Int(a[row])
    }
  }

  /// Every code as 32 bits: a copy of the whole column (never call it per row).
  package func widened() -> [UInt32] {
    switch self {
    case .u8(let a): a.map { UInt32($0) }
    case .u16(let a): a.map { UInt32($0) }
    case .u32(let a): a
    }
  }

  /// The width in bits that holds codes `0..<entries` (at least 8).
  package static func bitWidth(forEntries entries: Int) -> Int {
    entries <= 1 << 8 ? 8 : entries <= 1 << 16 ? 16 : 32
  }

  /// `codes` stored in the narrowest width holding `entries` dictionary entries and every code
  /// present (a code beyond the dictionary, e.g. in a null slot, widens rather than truncates).
  /// One pass to find the largest code and one to narrow.
  package static func sized(_ codes: [UInt32], entries: Int) -> DictionaryCodes {
    let width = bitWidth(forEntries: entries)
    if width == 32 { return .u32(codes) }
    let largest = codes.withUnsafeBufferPointer { b in b.reduce(UInt32(0)) { Swift.max($0, $1) } }
    switch bitWidth(forEntries: Swift.max(entries, Int(largest) + 1)) {
    case 8: return .u8(narrowed(codes))
    case 16: return .u16(narrowed(codes))
    default: return .u32(codes)
    }
  }

  /// These codes in the narrowest width for `entries` entries (no copy when already sized).
  package func sized(entries: Int) -> DictionaryCodes {
    let width = DictionaryCodes.bitWidth(forEntries: entries)
    if width == bitWidth { return self }
    switch self {
    case .u32(let a): return DictionaryCodes.sized(a, entries: entries)
    case .u8(let a): return width == 16 ? .u16(a.map { UInt16($0) }) : .u32(a.map { UInt32($0) })
    case .u16(let a):
      return width == 32 ? .u32(a.map { UInt32($0) }) : DictionaryCodes.sized(widened(), entries: entries)
    }
  }

  /// The codes of `codes` (all known to fit) converted to `T`.
  package static func narrowed<T: FixedWidthInteger & UnsignedInteger>(_ codes: [UInt32]) -> [T] {
    [T](unsafeUninitializedCapacity: codes.count) { buffer, initialized in
      codes.withUnsafeBufferPointer { source in
        for i in 0..<source.count { buffer[i] = T(truncatingIfNeeded: source[i]) }
      }
      initialized = codes.count
    }
  }

  /// A column of `count` zero codes (null or constant rows).
  package static func zeros(_ count: Int, entries: Int) -> DictionaryCodes {
    switch bitWidth(forEntries: entries) {
    case 8: .u8([UInt8](repeating: 0, count: count))
    case 16: .u16([UInt16](repeating: 0, count: count))
    default: .u32([UInt32](repeating: 0, count: count))
    }
  }

  /// The codes of `range`, in the same width.
  package func slice(_ range: Range<Int>) -> DictionaryCodes {
    switch self {
    case .u8(let a): .u8(Array(a[range]))
    case .u16(let a): .u16(Array(a[range]))
    case .u32(let a): .u32(Array(a[range]))
    }
  }

  /// The codes of `parts` one after another (parts sharing a dictionary): in their width when
  /// they all have the same, else in 32 bits (the caller sizes the result).
  package static func joined(_ parts: [DictionaryCodes]) -> DictionaryCodes {
    let total = parts.reduce(0) { $0 + $1.count }
    func join<T>(_ pick: (DictionaryCodes) -> [T]?) -> [T]? {
      var out: [T] = []
      out.reserveCapacity(total)
      for part in parts {
        guard let codes = pick(part) else { return nil }
        out += codes
      }
      return out
    }
    if let codes = join({ if case .u8(let a) = $0 { a } else { nil } }) { return .u8(codes) }
    if let codes = join({ if case .u16(let a) = $0 { a } else { nil } }) { return .u16(codes) }
    var codes: [UInt32] = []
    codes.reserveCapacity(total)
    for part in parts { codes += part.widened() }
    return .u32(codes)
  }

  /// Whether both hold the same codes, whatever their widths.
  package func sameCodes(_ other: DictionaryCodes) -> Bool {
    switch (self, other) {
    case (.u8(let a), .u8(let b)): return a == b
    case (.u16(let a), .u16(let b)): return a == b
    case (.u32(let a), .u32(let b)): return a == b
    default:
      guard count == other.count else { return false }
      for i in 0..<count where self[i] != other[i] { return false }
      return true
    }
  }
}
