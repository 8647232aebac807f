
/// The 64-bit checksum that ends a columnar file.
///
/// Four lanes each take every fourth little-endian 64-bit word; a lane step
/// (xor, multiply by an odd constant, rotate) is a bijection of the lane for a
/// fixed word, and so are the fold and the finaliser. A change confined to one
/// word, such as any single flipped byte, therefore always changes the result.
/// The lanes are independent, so the loop runs at several bytes per cycle.
enum ColumnarChecksum {
  private static let prime: UInt64 = 0x9E37_79B9_7F4A_7C15
  private static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

  /// The checksum of `bytes`.
  static func compute(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var a: UInt64 = 0x243F_6A88_85A3_08D3
    var b: UInt64 = 0x1319_8A2E_0370_7344
    var c: UInt64 = 0xA409_3822_299F_31D0
    var d: UInt64 = 0x082E_FA98_EC4E_6C89
    let n = bytes.count
    var i = 0
    if let base = bytes.baseAddress {
      while i + 32 <= n {
        a = step(a, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
        b = step(b, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)))
        c = step(c, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self)))
        d = step(d, UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)))
        i += 32
      }
    }
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    h = step(h, a)
    h = step(h, b)
    h = step(h, c)
    h = step(h, d)
    while i < n {
      h = (h ^ UInt64(bytes[i])) &* fnvPrime
      i += 1
    }
    h ^= UInt64(truncatingIfNeeded: n)
    // A bijective finaliser (xor-shift and odd multiplies) spreads every bit.
    h = (h ^ (h &>> 33)) &* 0xFF51_AFD7_ED55_8CCD
    h = (h ^ (h &>> 33)) &* 0xC4CE_B9FE_1A85_EC53
    return h ^ (h &>> 33)
  }

  @inline(__always)
  private static func step(_ lane: UInt64, _ word: UInt64) -> UInt64 {
    let x = (lane ^ word) &* prime
    return (x &<< 31) | (x &>> 33)
  }
}
