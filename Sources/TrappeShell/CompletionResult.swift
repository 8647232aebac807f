
/// The candidates for the word under the cursor, and where that word starts.
package struct CompletionResult: Sendable, Equatable {
  /// The UTF-8 offset in the line where the word being completed starts.
  package var start: Int
  /// The full replacements for that word, sorted.
  package var candidates: [String]

  /// Creates a result.
  init(start: Int, candidates: [String]) {
    self.start = start
    self.candidates = candidates
  }
}
