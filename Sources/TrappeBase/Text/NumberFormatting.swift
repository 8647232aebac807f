/// Locale-aware spelling of numbers for tables and exports.
package enum NumberFormatting {
  /// The shortest spelling of `value` that reads back to the same double, without
  /// an exponent for magnitudes an evaluator meets (1e-4 up to 1e15).
  package static func plain(_ value: Double) -> String {
    if value.isNaN { return "NaN" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    if value == value.rounded(), abs(value) < 1e15 {
      return String(Int64(value)) + ".0"
    }
    let text = String(value)
    // Most spellings have no exponent: look for one in the bytes, not by Character.
    guard text.utf8.contains(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else { return text }
    guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return text }
    let magnitude = abs(value)
    guard magnitude >= 1e-4 && magnitude < 1e15 else { return text }
    // Expand the exponent form Swift chose for small values (e.g. 5e-05).
    let mantissa = String(text[..<e].filter { $0 != "." })
    let exponent = Int(text[text.index(after: e)...]) ?? 0
    let negative = mantissa.hasPrefix("-")
    let digits = negative ? String(mantissa.dropFirst()) : mantissa
    if exponent < 0 {
      return (negative ? "-" : "") + "0." + String(repeating: "0", count: -exponent - 1) + digits
    }
    return text
  }
}
