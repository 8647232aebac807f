extension TextDecoding {
  /// Transcodes UTF-16 (after its byte order mark) to UTF-8; on a lone surrogate returns its offset.
  ///
  /// Excel's "Unicode text" export is UTF-16 LE with a byte order mark. An odd last byte is dropped.
  static func transcodeUTF16(_ raw: [UInt8], bigEndian: Bool) -> Result<[UInt8], UndefinedByte> {
    var out: [UInt8] = []
    out.reserveCapacity(raw.count / 2 + raw.count / 8)
    var i = 2
    let n = raw.count - (raw.count - 2) % 2
    @inline(__always) func unit(_ at: Int) -> UInt32 {
      bigEndian ? UInt32(raw[at]) << 8 | UInt32(raw[at + 1]) : UInt32(raw[at + 1]) << 8 | UInt32(raw[at])
    }
    while i + 1 < n {
      var scalar = unit(i)
      let at = i
      i += 2
      if scalar >= 0xD800 && scalar <= 0xDBFF {
        guard i + 1 < n else { return .failure(UndefinedByte(offset: at)) }
        let low = unit(i)
        guard low >= 0xDC00 && low <= 0xDFFF else { return .failure(UndefinedByte(offset: at)) }
        i += 2
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
      } else if scalar >= 0xDC00 && scalar <= 0xDFFF {
        return .failure(UndefinedByte(offset: at))
      }
      if scalar < 0x80 {
        out.append(UInt8(scalar))
      } else if scalar < 0x800 {
        out.append(UInt8(0xC0 | (scalar >> 6)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      } else if scalar < 0x10000 {
        out.append(UInt8(0xE0 | (scalar >> 12)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        out.append(UInt8(0xF0 | (scalar >> 18)))
        out.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
        out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        out.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return .success(out)
  }

  /// Whether `bytes[start...]`, which is not valid UTF-8, still holds valid multi-byte UTF-8
  /// sequences: then the file is UTF-8 with damage, not a single-byte encoding.
  static func hasValidMultibyteUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
    var i = start
    while i < bytes.count {
      let bad = firstInvalidUTF8(UnsafeBufferPointer(rebasing: bytes[i...]), from: 0).map { $0 + i } ?? bytes.count
      // bytes[i..<bad] is valid UTF-8: any byte from 0x80 up there belongs to a multi-byte sequence.
      var k = i
      while k < bad {
        if bytes[k] >= 0x80 { return true }
        k += 1
      }
      i = bad + 1
    }
    return false
  }
}
