
/// The characters distribution charts draw with, for one ``ChartCharset``.
struct DistributionGlyphs: Sendable {
  /// Partial blocks for bar ends, from one eighth to a full block (ASCII: `#` only).
  let eighths: [Character]
  /// The five heatmap shades from lowest to highest value.
  let shades: [Character]
  /// A heatmap cell without a value.
  let missing: Character
  /// Box plot parts: whisker line, whisker ends, box edges, median.
  let whisker: Character
  let whiskerLow: Character
  let whiskerHigh: Character
  let boxLow: Character
  let boxHigh: Character
  let median: Character
  /// An outlier beyond the whiskers.
  let outlier: Character
  /// A target line crossing the rows.
  let target: Character
  /// The axis line and its tick mark.
  let axis: Character
  let tick: Character
  /// The arrow pointing at the bin that holds the target.
  let targetArrow: String
  /// The dash between two numbers of a range.
  let rangeDash: String

  /// The glyphs for `charset`; each line gives a glyph's Unicode and ASCII spelling.
  init(_ charset: ChartCharset) {
    func pick<T>(_ unicode: T, _ ascii: T) -> T {
      switch charset {
      case .unicode: unicode
      case .ascii: ascii
      }
    }
    eighths = pick(["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"], ["#"])
    shades = pick([" ", "░", "▒", "▓", "█"], [" ", ".", ":", "*", "#"])
    missing = pick("·", "-")
    whisker = pick("─", "-")
    whiskerLow = pick("├", "|")
    whiskerHigh = pick("┤", "|")
    boxLow = "["
    boxHigh = "]"
    median = pick("│", "|")
    outlier = pick("·", "o")
    target = pick("┊", ":")
    axis = pick("─", "-")
    tick = pick("┬", "+")
    targetArrow = pick("◀", "<-")
    rangeDash = pick("–", "-")
  }

  /// A horizontal bar `length` cells long (fractions drawn with eighths where the charset has them).
  func bar(_ length: Double) -> String {
    guard length > 0, length.isFinite else { return "" }
    let full = Int(cells: length)
    var text = String(repeating: eighths[eighths.count - 1], count: full)
    if eighths.count > 1 {
      let eighth = Int(cells: ((length - Double(full)) * 8).rounded())
      if eighth >= 8 {
        text.append(eighths[7])
      } else if eighth > 0 {
        text.append(eighths[eighth - 1])
      }
    } else if full == 0 {
      text.append(eighths[0])
    }
    return text
  }
}
