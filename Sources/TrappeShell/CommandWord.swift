
/// One word of a meta command line, with the position it was typed at.
struct CommandWord: Sendable, Equatable {
  /// The word with quotes removed and escapes resolved.
  var text: String
  /// The 1-based column (in characters) where the word starts, including any opening quote.
  var column: Int
  /// The number of characters the word occupies in the line, quotes included.
  var length: Int

  /// Creates a word.
  init(text: String, column: Int, length: Int) {
    self.text = text
    self.column = column
    self.length = length
  }
}
