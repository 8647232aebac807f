
/// The characters bar and column charts draw with, in unicode or ASCII.
struct BarGlyphs: Sendable {
  /// Whether unicode blocks (with eighth fractions) are used.
  let unicode: Bool
  /// Whether ANSI colour may be used.
  let color: Bool

  init(_ settings: ChartSettings) {
    unicode = settings.charset == .unicode
    color = settings.color
  }

  /// The full block of a bar.
  var full: Character { unicode ? "█" : "#" }
  /// The zero line bars grow from.
  var zero: Character { unicode ? "│" : "|" }
  /// The target marker on every row of a horizontal chart.
  var target: Character { unicode ? "┊" : ":" }
  /// The dashed target line of a column chart.
  var targetLine: Character { unicode ? "┄" : "-" }
  /// The peer value marker of a bench result.
  var peer: Character { unicode ? "◆" : "*" }
  /// The national value marker of a bench result.
  var national: Character { unicode ? "●" : "o" }
  /// The target of each row (a gap result's threshold).
  var threshold: Character { unicode ? "┃" : "!" }
  /// The prefix of a highlighted row (and blank prefix of the others).
  var highlightPrefix: String { unicode ? "▶ " : "@ " }
  /// The fill of a highlighted bar when colour is off.
  var highlightFill: Character { unicode ? "▓" : "@" }
  /// Axis characters: line, tick, the zero tick at the left edge, the zero tick in the middle.
  var axis: Character { unicode ? "─" : "-" }
  var tick: Character { unicode ? "┬" : "+" }
  var corner: Character { unicode ? "└" : "+" }
  var zeroTick: Character { unicode ? "┴" : "+" }
  /// The y-axis of a column chart: plain and at a tick.
  var yAxis: Character { unicode ? "│" : "|" }
  var yTick: Character { unicode ? "┤" : "+" }
  var origin: Character { unicode ? "┼" : "+" }

  /// Left-aligned eighth blocks for 1 to 7 eighths (index 0 is unused).
  static let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
  /// Bottom-aligned eighth blocks for 1 to 7 eighths (index 0 is unused).
  static let lowerEighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇"]

  /// The fill of series number `index` (0 is the full block, which gets eighth fractions):
  /// each series has its own shade (`█▓▒░`, ASCII `#=-.`) whether or not colour is on, so a
  /// washed-out projector or a colour-blind reader still tells the series apart.
  func seriesFill(_ index: Int) -> BarFill {
    let fills: [Character] = unicode ? ["█", "▓", "▒", "░"] : ["#", "=", "-", "."]
    let glyph = fills[index % fills.count]
    let colors = ["34", "33", "35", "36", "32", "31"]
    return BarFill(glyph: glyph, fractional: unicode && glyph == "█", style: color ? colors[index % colors.count] : nil)
  }

  /// The fill of an ordinary bar.
  var plainFill: BarFill { BarFill(glyph: full, fractional: unicode, style: nil) }

  /// The fill of the highlighted bar: bold colour when allowed, else a different block.
  var highlightedFill: BarFill {
    color ? BarFill(glyph: full, fractional: unicode, style: "1;33") : BarFill(glyph: highlightFill, fractional: false, style: nil)
  }

  /// `text` wrapped in an ANSI style when colour is on and a style is given.
  func styled(_ text: String, _ style: String?) -> String {
    guard color, let style else { return text }
    return "\u{1B}[\(style)m" + text + "\u{1B}[0m"
  }
}
