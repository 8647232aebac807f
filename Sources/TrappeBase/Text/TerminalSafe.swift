/// Text made safe to print on a terminal: control characters, escape sequences and
/// bidirectional controls from data are shown as visible escapes instead of acting.
///
/// A raw ESC from a CSV cell can recolour, retitle or clear the terminal; U+202E
/// (right-to-left override) reorders the rest of a table row on screen. Files and pipes
/// get the exact text; only what is shown on a terminal goes through here.
package enum TerminalSafe {
  /// Whether a scalar must not reach a terminal raw: C0 controls, DEL, C1 controls, the
  /// line and paragraph separators, and the bidirectional controls (LRM, RLM, ALM,
  /// U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates).
  @inline(__always)
  package static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    let v = scalar.value
    if v < 0x20 || (v >= 0x7F && v <= 0x9F) { return true }
    guard v >= 0x61C else { return false }
    return v == 0x61C || v == 0x200E || v == 0x200F || v == 0x2028 || v == 0x2029
      || (v >= 0x202A && v <= 0x202E) || (v >= 0x2066 && v <= 0x2069)
  }

  /// The visible spelling of an escaped scalar: `\n`, `\t`, `\r`, else `\u{1B}`, `\u{202E}`.
  package static func escape(_ scalar: Unicode.Scalar) -> String {
    switch scalar {
    case "\n": return "\\n"
    case "\t": return "\\t"
    case "\r": return "\\r"
    default: return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
    }
  }

  /// `text` with every scalar that ``needsEscape(_:)`` spelled visibly; with
  /// `keepingLayout`, newlines and tabs stay (for multi-line output such as CSV).
  /// Text without such scalars is returned unchanged.
  package static func escaped(_ text: String, keepingLayout: Bool = false) -> String {
    func escapes(_ s: Unicode.Scalar) -> Bool { needsEscape(s) && !(keepingLayout && (s == "\n" || s == "\t")) }
    guard text.unicodeScalars.contains(where: escapes) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
      if escapes(scalar) { result += escape(scalar) } else { result.unicodeScalars.append(scalar) }
    }
    return result
  }
}
