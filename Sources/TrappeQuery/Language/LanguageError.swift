import TrappeBase

/// A lexing or parsing error in a statement: what is wrong, where, and how to fix it.
package struct LanguageError: Error, Sendable, Equatable, CustomStringConvertible {
  /// What went wrong, in one sentence without a trailing period.
  var message: String
  /// The span the error points at (UTF-8 byte offsets into the statement text).
  var range: SourceRange
  /// Follow-up lines: suggestions and explanations.
  var hints: [String]

  /// Creates an error.
  init(_ message: String, at range: SourceRange, hints: [String] = []) {
    self.message = message
    self.range = range
    self.hints = hints
  }

  /// Returns a copy that adds the hint "did you mean X?" when `suggestion` is not nil.
  func suggesting(_ suggestion: String?) -> LanguageError {
    guard let suggestion else { return self }
    var copy = self
    copy.hints.insert("did you mean '\(suggestion)'?", at: 0)
    return copy
  }

  /// The diagnostic to show, with the line, column and carets taken from `source`.
  package func diagnostic(in source: SourceText) -> Diagnostic {
    source.diagnostic(message, at: range, hints: hints)
  }

  /// `message at lower..<upper`, for test failures.
  package var description: String { "\(message) at \(range)" }
}
