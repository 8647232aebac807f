/// An error or warning about user input, rendered with the source line and a caret.
///
/// Every failure a user can cause is reported as a `Diagnostic`: what is wrong,
/// where (file, line, column and the span of characters), and hints such as
/// "did you mean `.tables`?".
package struct Diagnostic: Error, Sendable, Equatable {
  /// How serious the diagnostic is.
  package enum Severity: String, Sendable {
    case error
    case warning
    case note
  }

  /// How serious the diagnostic is.
  package var severity: Severity
  /// What went wrong, in one sentence without a trailing period.
  package var message: String
  /// Where it went wrong, if the input has positions.
  package var location: SourceLocation?
  /// The text of the line at `location`, shown under the message.
  package var sourceLine: String?
  /// How many characters from `location.column` the caret underlines (at least 1).
  package var length: Int
  /// Follow-up lines: suggestions and explanations.
  package var hints: [String]
  /// Whether the problem was already printed where it happened (e.g. inside a script run by `.read`).
  package var alreadyReported = false

  /// Creates a diagnostic.
  package init(
    _ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil,
    sourceLine: String? = nil, length: Int = 1, hints: [String] = []
  ) {
    self.severity = severity
    self.message = message
    self.location = location
    self.sourceLine = sourceLine
    self.length = max(1, length)
    self.hints = hints
  }

  /// Returns a copy that adds the hint "did you mean X?" when `suggestion` is not nil.
  package func suggesting(_ suggestion: String?) -> Diagnostic {
    guard let suggestion else { return self }
    var copy = self
    copy.hints.insert("did you mean '\(suggestion)'?", at: 0)
    return copy
  }

  /// Returns a copy placed in `file` at `line`, shifting columns by `columnOffset`.
  ///
  /// Commands report positions within their own text; the session moves them
  /// to where that text sits in a script.
  package func relocated(file: String?, line: Int, columnOffset: Int = 0, sourceLine: String? = nil)
    -> Diagnostic
  {
    var copy = self
    if let location {
      copy.location = SourceLocation(file: file, line: line, column: location.column + columnOffset)
    } else if file != nil {
      copy.location = SourceLocation(file: file, line: line, column: 1)
    }
    if let sourceLine { copy.sourceLine = sourceLine }
    return copy
  }
}

/// An error type that can describe itself as a ``Diagnostic``.
package protocol DiagnosticConvertible: Error {
  /// The diagnostic to show the user.
  var diagnostic: Diagnostic { get }
}

extension Diagnostic: DiagnosticConvertible {
  package var diagnostic: Diagnostic { self }
}
