import TrappeBase

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CSVReader {
  /// A UTF-8 buffer ready for scanning, and where its text starts (after a BOM).
  struct Decoded {
    var bytes: [UInt8]
    var start: Int
    var encoding: TextEncoding
    /// What the reader noticed and did about the file's form (UTF-16, CR line ends, Windows-1252).
    var notes: [String] = []
    /// `UTF-16 LE` or `UTF-16 BE` when the file was UTF-16 and converted.
    var utf16: String?
  }

  /// Validates or transcodes `raw` to UTF-8 according to `encoding`, after refusing files that
  /// are not text; CR-only line ends become LF.
  static func decode(_ raw: [UInt8], name: String, encoding: TextEncoding) throws(CSVError) -> Decoded {
    var decoded = try decodeText(raw, name: name, encoding: encoding)
    normalizeLineEnds(&decoded, name: name)
    return decoded
  }

  private static func decodeText(_ raw: [UInt8], name: String, encoding: TextEncoding) throws(CSVError) -> Decoded {
    if raw.starts(with: [0xFF, 0xFE, 0, 0]) || raw.starts(with: [0, 0, 0xFE, 0xFF]) {
      throw .notText(file: name, what: "UTF-32 text", hint: "export it again as CSV UTF-8")
    }
    // UTF-16 with a byte order mark (Excel's "Unicode text"): convert to UTF-8 first.
    if encoding == .auto || encoding == .utf8, raw.count >= 2,
      (raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)
    {
      let bigEndian = raw[0] == 0xFE
      switch TextDecoding.transcodeUTF16(raw, bigEndian: bigEndian) {
      case .success(let bytes):
        let form = "UTF-16 \(bigEndian ? "BE" : "LE")"
        return Decoded(
          bytes: bytes, start: 0, encoding: .utf8, notes: ["\(form) text (with a byte order mark), converted to UTF-8"],
          utf16: form)
      case .failure(let bad):
        throw .undecodableUTF16(file: name, offset: bad.offset, bigEndian: bigEndian)
      }
    }
    if let (what, hint) = BinarySignature.detect(raw, fileName: name) {
      throw .notText(file: name, what: what, hint: hint)
    }
    let hasBOM = raw.count >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF
    switch encoding {
    case .utf8, .auto:
      let start = hasBOM ? 3 : 0
      let invalid = raw.withUnsafeBufferPointer { TextDecoding.firstInvalidUTF8($0, from: start) }
      guard let invalid else { return Decoded(bytes: raw, start: start, encoding: .utf8) }
      if encoding == .utf8 {
        throw .undecodableByte(
          rawPosition(raw, offset: invalid, name: name, windows1252: nil),
          byte: raw[invalid], encoding: .utf8, autoDetected: false)
      }
      // Valid UTF-8 letters next to an invalid byte: the file is UTF-8 with damage. Reading it
      // all as Windows-1252 would turn every ø into Ã¸, so stop at the byte instead.
      if hasBOM || raw.withUnsafeBufferPointer({ TextDecoding.hasValidMultibyteUTF8($0, from: start) }) {
        throw .mixedEncoding(rawPosition(raw, offset: invalid, name: name, windows1252: nil), byte: raw[invalid])
      }
      var decoded = try transcode(raw, name: name, windows1252: true, auto: true)
      let at = rawPosition(raw, offset: invalid, name: name, windows1252: true)
      let hex = "0x" + String(raw[invalid], radix: 16, uppercase: true)
      decoded.notes.append(
        "not UTF-8 (byte \(hex) at line \(at.line), column \(at.column)), read as Windows-1252; "
          + "choose with encoding=utf8|latin1|cp1252")
      return decoded
    case .latin1:
      return try transcode(raw, name: name, windows1252: false, auto: false)
    case .windows1252:
      return try transcode(raw, name: name, windows1252: true, auto: false)
    }
  }

  /// A file whose lines end with CR alone (classic Mac, old Excel) has CR turned into LF, so
  /// its lines are records (it used to load as one header line and 0 rows).
  private static func normalizeLineEnds(_ decoded: inout Decoded, name: String) {
    let start = decoded.start
    let (hasLF, hasCR) = decoded.bytes.withUnsafeBufferPointer { buffer -> (Bool, Bool) in
      guard let base = buffer.baseAddress, start < buffer.count else { return (false, false) }
      let count = buffer.count - start
      return (memchr(base + start, 10, count) != nil, memchr(base + start, 13, count) != nil)
    }
    guard !hasLF && hasCR else { return }
    for i in start..<decoded.bytes.count where decoded.bytes[i] == 13 { decoded.bytes[i] = 10 }
    decoded.notes.append("lines end with CR only (classic Mac), each CR read as a line end")
  }

  private static func transcode(_ raw: [UInt8], name: String, windows1252: Bool, auto: Bool)
    throws(CSVError) -> Decoded
  {
    let result = raw.withUnsafeBufferPointer { TextDecoding.transcode($0, windows1252: windows1252) }
    switch result {
    case .success(let bytes):
      return Decoded(bytes: bytes, start: 0, encoding: windows1252 ? .windows1252 : .latin1)
    case .failure(let undefined):
      throw .undecodableByte(
        rawPosition(raw, offset: undefined.offset, name: name, windows1252: true),
        byte: raw[undefined.offset], encoding: .windows1252, autoDetected: auto)
    }
  }

  /// The position of byte `offset` in undecoded input; `windows1252` nil decodes the line as UTF-8.
  static func rawPosition(_ raw: [UInt8], offset: Int, name: String, windows1252: Bool?) -> CSVPosition {
    var line = 1
    var lineStart = 0
    for i in 0..<offset where raw[i] == 10 {
      line += 1
      lineStart = i + 1
    }
    var lineEnd = offset
    while lineEnd < raw.count && raw[lineEnd] != 10 { lineEnd += 1 }
    if lineEnd > offset && raw[lineEnd - 1] == 13 { lineEnd -= 1 }
    func text(_ slice: ArraySlice<UInt8>) -> String {
      if let windows1252 { return TextDecoding.lossyLine(slice, windows1252: windows1252) }
      return String(decoding: slice, as: UTF8.self)
    }
    let prefix = text(raw[lineStart..<offset])
    return CSVPosition(
      file: name, line: line, column: prefix.count + 1, sourceLine: text(raw[lineStart..<lineEnd]))
  }
}
