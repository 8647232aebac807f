
/// The character encoding of a text file being read.
package enum TextEncoding: String, Sendable, Equatable, CaseIterable {
  /// Detect: UTF-8 when the bytes validate, otherwise Windows-1252.
  case auto
  /// UTF-8, with an optional byte order mark.
  case utf8
  /// ISO-8859-1: every byte is the code point of the same number.
  case latin1
  /// Windows code page 1252: Latin-1 with printable characters in 0x80–0x9F.
  case windows1252

  /// The name used in messages (`UTF-8`, `Windows-1252`, ...).
  var name: String {
    switch self {
    case .auto: return "auto"
    case .utf8: return "UTF-8"
    case .latin1: return "ISO-8859-1"
    case .windows1252: return "Windows-1252"
    }
  }
}
