
/// A canvas of Unicode braille cells (U+2800 block): 2 × 4 dots per character.
struct BrailleCanvas: DotCanvas {
  let columns: Int
  let rows: Int
  var dotsPerColumn: Int { 2 }
  var dotsPerRow: Int { 4 }
  /// The dot bits per cell, row by row.
  private(set) var bits: [UInt8]
  private var overlay: [Character?]
  private var styles: [Int]

  /// The bit of each dot within a cell, indexed `[row][column]` (the braille dot numbering).
  static let dotBits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

  /// An empty canvas of `columns` × `rows` cells (at least one each).
  init(columns: Int, rows: Int) {
    self.columns = max(1, columns)
    self.rows = max(1, rows)
    bits = [UInt8](repeating: 0, count: self.columns * self.rows)
    overlay = [Character?](repeating: nil, count: self.columns * self.rows)
    styles = [Int](repeating: -1, count: self.columns * self.rows)
  }

  mutating func setDot(x: Int, y: Int, style: Int, heavy: Bool) {
    set(x: x, y: y, style: style)
    if heavy { set(x: x, y: y + 1 < dotsHigh ? y + 1 : y - 1, style: style) }
  }

  private mutating func set(x: Int, y: Int, style: Int) {
    guard x >= 0, y >= 0, x < dotsWide, y < dotsHigh else { return }
    let cell = (y / 4) * columns + x / 2
    bits[cell] |= Self.dotBits[y % 4][x % 2]
    if overlay[cell] == nil { styles[cell] = style }
  }

  mutating func put(_ character: Character, column: Int, row: Int, style: Int) {
    guard column >= 0, row >= 0, column < columns, row < rows else { return }
    overlay[row * columns + column] = character
    styles[row * columns + column] = style
  }

  func hasCharacter(column: Int, row: Int) -> Bool {
    guard column >= 0, row >= 0, column < columns, row < rows else { return false }
    return overlay[row * columns + column] != nil
  }

  /// The character of one cell: its overlay, a braille pattern, or a space.
  func character(column: Int, row: Int) -> Character {
    let cell = row * columns + column
    if let character = overlay[cell] { return character }
    let value = bits[cell]
    guard value != 0, let scalar = Unicode.Scalar(0x2800 + UInt32(value)) else { return " " }
    return Character(scalar)
  }

  func line(_ row: Int, palette: [String]?) -> String {
    Self.styled((0..<columns).map { (character(column: $0, row: row), styles[row * columns + $0]) }, palette: palette)
  }
}
