import TrappeBase
import TrappeIO

/// The lines of a script file, decoded the way every script path reads them.
///
/// Scripts (`trappe FILE`, `.read`, `--check`, `--present`, `~/.trapperc`) are read
/// here and nowhere else, so a file saved by a Windows editor runs like the original:
/// - CRLF and lone CR (classic Mac) end lines as LF does (in Swift `"\r\n"` is one
///   Character, so splitting on `"\n"` would leave the script as one line);
/// - a UTF-8 byte order mark is dropped (columns on line 1 count from after it, as editors show);
/// - bytes that are not valid UTF-8 make the whole file decode as Windows-1252, with a
///   note naming the first such byte; a byte Windows-1252 does not define is an error.
package struct ScriptSource {
  /// The lines, without their line ends; line `i + 1` of the file is `lines[i]`.
  package var lines: [String]
  /// Set when the file was decoded as Windows-1252: says so and where the first non-UTF-8 byte is.
  package var note: String?

  /// The text with every line end as `"\n"`.
  package var text: String { lines.joined(separator: "\n") }

  /// Why a script cannot be read: an operating-system error or an undecodable byte.
  package struct ReadError: Error {
    package var reason: String
  }

  /// Reads and decodes the script at `path`; `name` is how messages name it.
  package static func read(_ path: String, name: String) throws(ReadError) -> ScriptSource {
    let bytes: [UInt8]
    do throws(SystemError) {
      bytes = try TextFile.readBytes(path)
    } catch {
      throw ReadError(reason: error.reason)
    }
    return try decode(bytes, name: name)
  }

  /// Decodes `bytes` (see the type's description).
  package static func decode(_ bytes: [UInt8], name: String) throws(ReadError) -> ScriptSource {
    let hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
    let start = hasBOM ? 3 : 0
    let invalid = bytes.withUnsafeBufferPointer { TextDecoding.firstInvalidUTF8($0, from: start) }
    guard let invalid else {
      return ScriptSource(lines: splitLines(bytes[start...]), note: nil)
    }
    let (line, column) = position(of: invalid, in: bytes)
    let byte = hex(bytes[invalid])
    switch bytes.withUnsafeBufferPointer({ TextDecoding.transcode($0, windows1252: true) }) {
    case .success(let utf8):
      return ScriptSource(
        lines: splitLines(utf8[...]),
        note: "note: \(name):\(line):\(column): byte \(byte) is not UTF-8; read \(name) as Windows-1252"
          + " (save it as UTF-8 to silence this)\n")
    case .failure(let undefined):
      let (badLine, badColumn) = position(of: undefined.offset, in: bytes)
      throw ReadError(
        reason: "\(name):\(line):\(column): byte \(byte) is not UTF-8, and byte \(hex(bytes[undefined.offset]))"
          + " at \(badLine):\(badColumn) is not Windows-1252 either; save the script as UTF-8")
    }
  }

  /// Splits UTF-8 bytes at LF, CRLF and lone CR; a final line end leaves an empty last line.
  package static func splitLines(_ bytes: ArraySlice<UInt8>) -> [String] {
    var lines: [String] = []
    var start = bytes.startIndex
    var i = bytes.startIndex
    while i < bytes.endIndex {
      let b = bytes[i]
      if b == 0x0A || b == 0x0D {
        lines.append(String(decoding: bytes[start..<i], as: UTF8.self))
        if b == 0x0D && i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A { i += 1 }
        start = i + 1
      }
      i += 1
    }
    lines.append(String(decoding: bytes[start..<bytes.endIndex], as: UTF8.self))
    return lines
  }

  /// Splits text at LF, CRLF and lone CR (for `-c` commands and text already in memory).
  package static func splitLines(_ text: String) -> [String] {
    splitLines(Array(text.utf8)[...])
  }

  /// The 1-based line and column (counting bytes before it on its line) of byte `offset`.
  static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
    var line = 1
    var lineStart = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    var i = lineStart
    while i < offset {
      let b = bytes[i]
      if b == 0x0A || b == 0x0D {
        if b == 0x0D && i + 1 < offset && bytes[i + 1] == 0x0A { i += 1 }
        line += 1
        lineStart = i + 1
      }
      i += 1
    }
    // Count characters as Windows-1252 reads them: one per byte.
    return (line, offset - lineStart + 1)
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
  }
}
