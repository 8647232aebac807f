
/// The byte range of one field's content within a CSV buffer.
struct CSVFieldSpan {
  /// The first content byte (after an opening quote).
  var start: Int
  /// One past the last content byte (before a closing quote).
  var end: Int
  /// Whether the field was quoted.
  var quoted: Bool
  /// Whether the content holds `""` pairs that stand for one quote.
  var escaped: Bool

  /// The offset of the field's first byte, including an opening quote.
  var origin: Int { quoted ? start - 1 : start }
}
