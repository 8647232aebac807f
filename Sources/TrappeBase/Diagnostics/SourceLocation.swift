/// A position in user input: a file (or none for typed input), a line and a column.
///
/// Lines and columns are 1-based; columns count characters (grapheme
/// clusters), not bytes, so a caret lands under the right letter in `æøå`.
package struct SourceLocation: Sendable, Equatable {
  /// The file the input came from, or nil for input typed at the prompt or given with `-c`.
  package var file: String?
  /// The 1-based line.
  package var line: Int
  /// The 1-based column, in characters.
  package var column: Int

  /// Creates a location.
  package init(file: String? = nil, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }
}
