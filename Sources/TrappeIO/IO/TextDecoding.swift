
/// Validation of UTF-8 and transcoding of single-byte encodings to UTF-8.
package enum TextDecoding {
  /// Unicode scalars of Windows-1252 bytes 0x80–0x9F; 0 marks the five undefined bytes.
  package static let windows1252High: [UInt32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
  ]

  /// The offset of the first byte that makes `bytes[start...]` invalid UTF-8, or nil when valid.
  package static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    let n = bytes.count
    var i = start
    while i < n {
      // Skip ASCII eight bytes at a time.
      if let base = bytes.baseAddress {
        while i + 8 <= n {
          let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
          if word & 0x8080_8080_8080_8080 != 0 { break }
          i += 8
        }
      }
      guard i < n else { return nil }
      let b = bytes[i]
      if b < 0x80 {
        i += 1
        continue
      }
      var need = 0
      var low: UInt8 = 0x80
      var high: UInt8 = 0xBF
      switch b {
      case 0xC2...0xDF: need = 1
      case 0xE0:
        need = 2
        low = 0xA0
      case 0xE1...0xEC, 0xEE...0xEF: need = 2
      case 0xED:
        need = 2
        high = 0x9F
      case 0xF0:
        need = 3
        low = 0x90
      case 0xF1...0xF3: need = 3
      case 0xF4:
        need = 3
        high = 0x8F
      default: return i
      }
      guard i + need < n else { return i }
      let c1 = bytes[i + 1]
      guard c1 >= low && c1 <= high else { return i }
      for k in 1..<(need + 1) where k > 1 {
        guard bytes[i + k] & 0xC0 == 0x80 else { return i }
      }
      i += need + 1
    }
    return nil
  }

  /// Transcodes Latin-1 or Windows-1252 bytes to UTF-8; on an undefined byte returns its offset.
  package static func transcode(
    _ bytes: UnsafeBufferPointer<UInt8>, windows1252: Bool
  ) -> Result<[UInt8], UndefinedByte> {
    var size = 0
    for (i, b) in bytes.enumerated() {
      if b < 0x80 {
        size += 1
      } else if windows1252 && b < 0xA0 {
        let scalar = windows1252High[Int(b - 0x80)]
        if scalar == 0 { return .failure(UndefinedByte(offset: i)) }
        size += scalar < 0x800 ? 2 : 3
      } else {
        size += 2
      }
    }
    let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var o = 0
      for b in bytes {
        var scalar = UInt32(b)
        if b < 0x80 {
          buffer[o] = b
          o += 1
          continue
        }
        if windows1252 && b < 0xA0 { scalar = windows1252High[Int(b - 0x80)] }
        if scalar < 0x800 {
          buffer[o] = UInt8(0xC0 | (scalar >> 6))
          buffer[o + 1] = UInt8(0x80 | (scalar & 0x3F))
          o += 2
        } else {
          buffer[o] = UInt8(0xE0 | (scalar >> 12))
          buffer[o + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
          buffer[o + 2] = UInt8(0x80 | (scalar & 0x3F))
          o += 3
        }
      }
      initialized = o
    }
    return .success(out)
  }

  /// The offset of a byte that has no character in the encoding being transcoded.
  package struct UndefinedByte: Error {
    package var offset: Int
  }

  /// Decodes one line of raw bytes for an error message, replacing what cannot be decoded.
  static func lossyLine(_ bytes: ArraySlice<UInt8>, windows1252: Bool) -> String {
    var scalars = String.UnicodeScalarView()
    for b in bytes {
      if b < 0x80 || b >= 0xA0 || !windows1252 {
        scalars.append(UnicodeScalar(b))
      } else if let s = UnicodeScalar(windows1252High[Int(b - 0x80)]), s.value != 0 {
        scalars.append(s)
      } else {
        scalars.append("\u{FFFD}")
      }
    }
    return String(scalars)
  }
}
