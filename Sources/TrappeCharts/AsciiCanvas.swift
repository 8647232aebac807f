
/// A canvas of plain ASCII cells, one dot per character, for `.charset ascii`.
struct AsciiCanvas: DotCanvas {
  let columns: Int
  let rows: Int
  var dotsPerColumn: Int { 1 }
  var dotsPerRow: Int { 1 }
  /// The character for a dot, and for a heavy dot.
  let dot: Character
  let heavyDot: Character
  /// The dot character per style (series), so lines differ without colour; else `dot`.
  let dots: [Character]
  private var cells: [Character?]
  private var isPut: [Bool]
  private var styles: [Int]

  /// An empty canvas of `columns` × `rows` cells; dots are drawn as `dot` (`heavyDot` when heavy).
  init(columns: Int, rows: Int, dot: Character = ".", heavyDot: Character = "o", dots: [Character] = []) {
    self.dots = dots
    self.columns = max(1, columns)
    self.rows = max(1, rows)
    self.dot = dot
    self.heavyDot = heavyDot
    cells = [Character?](repeating: nil, count: self.columns * self.rows)
    isPut = [Bool](repeating: false, count: self.columns * self.rows)
    styles = [Int](repeating: -1, count: self.columns * self.rows)
  }

  mutating func setDot(x: Int, y: Int, style: Int, heavy: Bool) {
    guard x >= 0, y >= 0, x < columns, y < rows else { return }
    let cell = y * columns + x
    guard !isPut[cell] else { return }
    if cells[cell] == heavyDot && !heavy { return }
    cells[cell] = heavy ? heavyDot : style >= 0 && style < dots.count ? dots[style] : dot
    styles[cell] = style
  }

  mutating func put(_ character: Character, column: Int, row: Int, style: Int) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    cells[row * columns + column] = character
    isPut[row * columns + column] = true
    styles[row * columns + column] = style
  }

  func hasCharacter(column: Int, row: Int) -> Bool {
    guard column >= 0, row >= 0, column < columns, row < rows else { return false }
    return isPut[row * columns + column]
  }

  func line(_ row: Int, palette: [String]?) -> String {
    Self.styled((0..<columns).map { (cells[row * columns + $0] ?? " ", styles[row * columns + $0]) }, palette: palette)
  }
}
