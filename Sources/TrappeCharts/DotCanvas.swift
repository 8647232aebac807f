
/// A grid of character cells that trend charts plot dots, lines and markers on.
///
/// Dot coordinates start at the top left; a cell holds `dotsPerColumn` ×
/// `dotsPerRow` dots. Each cell remembers a style (an index into the chart's
/// colour palette, or -1) so that colour can be added without changing layout.
protocol DotCanvas {
  /// The size in character cells.
  var columns: Int { get }
  var rows: Int { get }
  /// Dots per cell across and down.
  var dotsPerColumn: Int { get }
  var dotsPerRow: Int { get }
  /// Sets one dot; `heavy` draws it bolder (a second dot, or a heavier character).
  mutating func setDot(x: Int, y: Int, style: Int, heavy: Bool)
  /// Puts a character over a cell, hiding its dots.
  mutating func put(_ character: Character, column: Int, row: Int, style: Int)
  /// Whether a cell already holds a character put there with `put`.
  func hasCharacter(column: Int, row: Int) -> Bool
  /// One row as text; with a palette, styled cells are wrapped in ANSI SGR codes.
  func line(_ row: Int, palette: [String]?) -> String
}

extension DotCanvas {
  /// The size in dots.
  var dotsWide: Int { columns * dotsPerColumn }
  var dotsHigh: Int { rows * dotsPerRow }

  /// A straight line of dots between two dot positions (Bresenham).
  mutating func drawLine(from a: (x: Int, y: Int), to b: (x: Int, y: Int), style: Int, heavy: Bool) {
    var x = a.x
    var y = a.y
    let dx = abs(b.x - a.x)
    let dy = -abs(b.y - a.y)
    let sx = a.x < b.x ? 1 : -1
    let sy = a.y < b.y ? 1 : -1
    var error = dx + dy
    var steps = 0
    while steps <= dx - dy + 1 {
      setDot(x: x, y: y, style: style, heavy: heavy)
      if x == b.x && y == b.y { break }
      let e2 = 2 * error
      if e2 >= dy {
        error += dy
        x += sx
      }
      if e2 <= dx {
        error += dx
        y += sy
      }
      steps += 1
    }
  }

  /// Writes `text` from a cell rightwards, cutting it at the canvas edge.
  mutating func write(_ text: String, column: Int, row: Int, style: Int) {
    var c = column
    for character in text where c < columns {
      if c >= 0 { put(character, column: c, row: row, style: style) }
      c += 1
    }
  }

  /// Every row as text.
  func lines(palette: [String]?) -> [String] {
    (0..<rows).map { line($0, palette: palette) }
  }

  /// Text for consecutive cells, with runs of one style wrapped in one escape.
  static func styled(_ cells: [(Character, Int)], palette: [String]?) -> String {
    guard let palette, !palette.isEmpty else { return String(cells.map(\.0)) }
    var result = ""
    var current = -1
    for (character, style) in cells {
      let wanted = character == " " ? -1 : style
      if wanted != current {
        if current >= 0 { result += "\u{1B}[0m" }
        if wanted >= 0 { result += "\u{1B}[\(palette[wanted % palette.count])m" }
        current = wanted
      }
      result.append(character)
    }
    if current >= 0 { result += "\u{1B}[0m" }
    return result
  }
}
