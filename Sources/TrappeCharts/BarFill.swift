
/// How one bar (or bar segment) is filled: its block, whether it ends in eighths, its colour.
struct BarFill: Sendable, Equatable {
  /// The character of whole cells.
  var glyph: Character
  /// Whether the bar ends in an eighth block (only for the full block `█`).
  var fractional: Bool
  /// An ANSI SGR style used when colour is on.
  var style: String?
}

extension BarFill {
  /// The same fill in whole cells only (stacked segments meet at cell edges).
  var withoutFraction: BarFill { BarFill(glyph: glyph, fractional: false, style: style) }
}
