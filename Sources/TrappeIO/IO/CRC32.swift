/// CRC-32 as ZIP uses it (IEEE 802.3, reflected polynomial 0xEDB88320, initial and final
/// value 0xFFFFFFFF), table-driven: one table lookup per byte.
///
/// `CRC32.checksum(Array("123456789".utf8)) == 0xCBF43926`, the standard check value.
package enum CRC32 {
  /// The 256 remainders of one byte, computed once.
  static let table: [UInt32] = (0..<256).map { n in
    var c = UInt32(n)
    for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
  }

  /// The CRC-32 of `bytes`.
  package static func checksum(_ bytes: [UInt8]) -> UInt32 {
    var crc: UInt32 = 0xFFFF_FFFF
    table.withUnsafeBufferPointer { t in
      for b in bytes { crc = t[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
    }
    return crc ^ 0xFFFF_FFFF
  }
}
