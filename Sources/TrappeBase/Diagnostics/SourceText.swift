/// A statement's text with the means to turn byte offsets into lines, columns and carets.
package struct SourceText: Sendable {
  /// The statement text.
  package let text: String
  private let bytes: [UInt8]

  /// Wraps `text`.
  package init(_ text: String) {
    self.text = text
    self.bytes = Array(text.utf8)
  }

  /// A diagnostic at `range`, rendered with the line of `range.lower` and carets under the span.
  package func diagnostic(
    _ message: String, at range: SourceRange, hints: [String] = [], severity: Diagnostic.Severity = .error
  ) -> Diagnostic {
    let lower = max(0, min(range.lower, bytes.count))
    var lineStart = lower
    while lineStart > 0 && bytes[lineStart - 1] != 10 { lineStart -= 1 }
    var lineEnd = lower
    while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
    var line = 1
    for byte in bytes[0..<lineStart] where byte == 10 { line += 1 }
    let upper = max(lower, min(range.upper, lineEnd))
    let prefix = String(decoding: bytes[lineStart..<lower], as: UTF8.self)
    let span = String(decoding: bytes[lower..<upper], as: UTF8.self)
    return Diagnostic(
      severity, message, at: SourceLocation(line: line, column: prefix.count + 1),
      sourceLine: String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self),
      length: max(1, span.count), hints: hints)
  }

  /// The text of `range`.
  package subscript(range: SourceRange) -> String {
    let lower = max(0, min(range.lower, bytes.count))
    let upper = max(lower, min(range.upper, bytes.count))
    return String(decoding: bytes[lower..<upper], as: UTF8.self)
  }
}
