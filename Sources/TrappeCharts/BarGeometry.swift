
/// The layout maths of bars: lengths in cells with eighth-block fractions.
enum BarGeometry {
  /// The cells of a bar `cells` long growing right, left to right.
  ///
  /// With a fractional fill the length is rounded to eighths and the last cell
  /// is an eighth block; a non-zero length shows at least `▏`. Other fills round
  /// to whole cells.
  static func rightBar(_ cells: Double, fill: BarFill) -> [Character] {
    guard cells.isFinite, cells > 0 else { return [] }
    if !fill.fractional {
      return Array(repeating: fill.glyph, count: Int(cells: cells.rounded()))
    }
    let eighths = Swift.max(1, Int(cells: (cells * 8).rounded()))
    var result = Array(repeating: fill.glyph, count: eighths / 8)
    if eighths % 8 > 0 { result.append(BarGlyphs.eighths[eighths % 8]) }
    return result
  }

  /// The cells of a bar `cells` long growing left from a zero line, left to right.
  ///
  /// Unicode has only right-aligned `▕` and `▐` partial blocks, so the far end
  /// is rounded to a quarter-ish: 1–2 eighths `▕`, 3–5 `▐`, 6–7 a full cell.
  static func leftBar(_ cells: Double, fill: BarFill) -> [Character] {
    guard cells.isFinite, cells > 0 else { return [] }
    if !fill.fractional {
      return Array(repeating: fill.glyph, count: Int(cells: cells.rounded()))
    }
    let eighths = Swift.max(1, Int(cells: (cells * 8).rounded()))
    var whole = eighths / 8
    let rest = eighths % 8
    var head: [Character] = []
    switch rest {
    case 1...2: head = ["▕"]
    case 3...5: head = ["▐"]
    case 6...7: whole += 1
    default: break
    }
    return head + Array(repeating: fill.glyph, count: whole)
  }

  /// The character of one column-chart cell filled `fraction` (0...1) from the bottom.
  static func columnCell(_ fraction: Double, fill: BarFill) -> Character {
    guard fraction > 0 else { return " " }
    if fraction >= 1 { return fill.glyph }
    if !fill.fractional { return fraction >= 0.5 ? fill.glyph : " " }
    let eighths = Int(cells: (fraction * 8).rounded())
    if eighths >= 8 { return fill.glyph }
    return BarGlyphs.lowerEighths[Swift.max(1, eighths)]
  }

  /// The character of one column-chart cell filled `fraction` (0...1) from the top (negative columns).
  static func hangingCell(_ fraction: Double, fill: BarFill) -> Character {
    guard fraction > 0 else { return " " }
    if fraction >= 0.75 || !fill.fractional { return fraction >= 0.5 ? fill.glyph : " " }
    return fraction >= 0.375 ? "▀" : "▔"
  }
}
