
/// The character that separates the integer part of a number from its fraction.
package enum DecimalSeparator: String, Sendable, Equatable, CaseIterable {
  /// Detect from the data: comma when the delimiter is not `,` and numbers use `,` as decimal.
  case auto
  /// `12.5`, no thousands separators.
  case point
  /// `12,5` and `1.234,5`, with `.` as an optional thousands separator.
  case comma
}
