import TrappeBase

/// A place in a CSV file that an error points at.
package struct CSVPosition: Sendable, Equatable {
  /// The file name as the user gave it.
  var file: String
  /// The 1-based physical line.
  var line: Int
  /// The 1-based column, in characters.
  var column: Int
  /// The text of the line, when it could be recovered.
  var sourceLine: String?
  /// How many characters the caret underlines.
  var length: Int

  /// Creates a position.
  init(file: String, line: Int, column: Int, sourceLine: String? = nil, length: Int = 1) {
    self.file = file
    self.line = line
    self.column = column
    self.sourceLine = sourceLine
    self.length = length
  }

  /// The position as a diagnostic location.
  var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }
}
