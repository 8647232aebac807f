/// A place in a CSV file that an error points at.
public struct CSVPosition: Sendable, Equatable {
  /// The file name as the user gave it.
  public var file: String
  /// The 1-based physical line.
  public var line: Int
  /// The 1-based column, in characters.
  public var column: Int
  /// The text of the line, when it could be recovered.
  public var sourceLine: String?
  /// How many characters the caret underlines.
  public var length: Int

  /// Creates a position.
  public init(file: String, line: Int, column: Int, sourceLine: String? = nil, length: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
    self.sourceLine = sourceLine
    self.length = length
  }

  /// The position as a diagnostic location.
  var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}
