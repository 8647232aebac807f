
extension CSVReader {
  /// A UTF-8 buffer ready for scanning, and where its text starts (after a BOM).
  struct Decoded {
    var bytes: [UInt8]
    var start: Int
    var encoding: TextEncoding
  }

  /// Validates or transcodes `raw` to UTF-8 according to `encoding`.
  static func decode(_ raw: [UInt8], name: String, encoding: TextEncoding) throws(CSVError) -> Decoded {
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
      return try transcode(raw, name: name, windows1252: true, auto: true)
    case .latin1:
      return try transcode(raw, name: name, windows1252: false, auto: false)
    case .windows1252:
      return try transcode(raw, name: name, windows1252: true, auto: false)
    }
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
