/// The candidates for the word under the cursor, and where that word starts.
public struct CompletionResult: Sendable, Equatable {
  /// The UTF-8 offset in the line where the word being completed starts.
  public var start: Int
  /// The full replacements for that word, sorted.
  public var candidates: [String]

  /// Creates a result.
  public init(start: Int, candidates: [String]) {
    self.start = start
    self.candidates = candidates
  }
}
