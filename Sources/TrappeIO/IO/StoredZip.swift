/// A ZIP archive whose entries are stored, not compressed (method 0), as an `.xlsx` may be:
/// local headers with each entry's CRC-32 and size, a central directory, and its end record.
///
/// No ZIP64: an archive or entry of 4 GiB or more, or more than 65,535 entries, is refused
/// (``StoredZip/TooLarge``). Every entry carries the same fixed date (1 January 1980), so
/// the same table gives the same bytes; the file system keeps the real modification time.
package struct StoredZip {
  /// An entry's name and bytes.
  package struct Entry {
    package var name: String
    package var bytes: [UInt8]
    package init(name: String, bytes: [UInt8]) {
      self.name = name
      self.bytes = bytes
    }
  }

  /// The archive would need ZIP64 (4 GiB or 65,535 entries).
  package struct TooLarge: Error {}

  /// The archive of `entries`, in order.
  package static func archive(_ entries: [Entry]) throws(TooLarge) -> [UInt8] {
    guard entries.count < 0xFFFF else { throw TooLarge() }
    var out: [UInt8] = []
    out.reserveCapacity(entries.reduce(0) { $0 + $1.bytes.count + 2 * $1.name.utf8.count + 76 } + 22)
    var central: [UInt8] = []
    let dosTime: UInt16 = 0
    let dosDate: UInt16 = (0 << 9) | (1 << 5) | 1  // 1980-01-01
    for entry in entries {
      let name = Array(entry.name.utf8)
      guard entry.bytes.count < 0xFFFF_FFFF, out.count < 0xFFFF_FFFF, name.count < 0xFFFF else { throw TooLarge() }
      let offset = UInt32(out.count)
      let crc = CRC32.checksum(entry.bytes)
      let size = UInt32(entry.bytes.count)
      // Bit 11: the name is UTF-8.
      let flags: UInt16 = name.contains(where: { $0 >= 0x80 }) ? 0x0800 : 0
      // Local file header.
      out.le32(0x0403_4B50)
      out.le16(20)  // version needed: 2.0
      out.le16(flags)
      out.le16(0)  // method: stored
      out.le16(dosTime)
      out.le16(dosDate)
      out.le32(crc)
      out.le32(size)  // compressed size
      out.le32(size)  // uncompressed size
      out.le16(UInt16(name.count))
      out.le16(0)  // extra field length
      out += name
      out += entry.bytes
      // Its central directory record.
      central.le32(0x0201_4B50)
      central.le16(20)  // made by: MS-DOS, 2.0
      central.le16(20)
      central.le16(flags)
      central.le16(0)
      central.le16(dosTime)
      central.le16(dosDate)
      central.le32(crc)
      central.le32(size)
      central.le32(size)
      central.le16(UInt16(name.count))
      central.le16(0)  // extra
      central.le16(0)  // comment
      central.le16(0)  // disk number start
      central.le16(0)  // internal attributes
      central.le32(0)  // external attributes
      central.le32(offset)
      central += name
    }
    guard out.count + central.count < 0xFFFF_FFFF else { throw TooLarge() }
    let centralOffset = UInt32(out.count)
    out += central
    // End of central directory record.
    out.le32(0x0605_4B50)
    out.le16(0)
    out.le16(0)
    out.le16(UInt16(entries.count))
    out.le16(UInt16(entries.count))
    out.le32(UInt32(central.count))
    out.le32(centralOffset)
    out.le16(0)  // comment length
    return out
  }
}

extension [UInt8] {
  /// Appends `value` as two little-endian bytes.
  fileprivate mutating func le16(_ value: UInt16) {
    append(UInt8(value & 0xFF))
    append(UInt8(value >> 8))
  }

  /// Appends `value` as four little-endian bytes.
  fileprivate mutating func le32(_ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }
}
