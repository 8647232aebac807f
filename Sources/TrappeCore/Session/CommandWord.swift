/// One word of a meta command line, with the position it was typed at.
public struct CommandWord: Sendable, Equatable {
  /// The word with quotes removed and escapes resolved.
  public var text: String
  /// The 1-based column (in characters) where the word starts, including any opening quote.
  public var column: Int
  /// The number of characters the word occupies in the line, quotes included.
  public var length: Int

  /// Creates a word.
  public init(text: String, column: Int, length: Int) {
    self.text = text
    self.column = column
    self.length = length
  }
}
