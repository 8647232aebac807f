
/// Where a statement came from: a file (or none) and the line it starts on.
package struct InputOrigin: Sendable, Equatable {
  /// The script file, `<stdin>` for piped input, or nil for typed input and `-c`.
  var file: String?
  /// The 1-based line of the statement's first line.
  var line: Int

  /// Creates an origin.
  package init(file: String? = nil, line: Int = 1) {
    self.file = file
    self.line = line
  }
}
