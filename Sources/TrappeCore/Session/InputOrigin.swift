/// Where a statement came from: a file (or none) and the line it starts on.
public struct InputOrigin: Sendable, Equatable {
  /// The script file, `<stdin>` for piped input, or nil for typed input and `-c`.
  public var file: String?
  /// The 1-based line of the statement's first line.
  public var line: Int

  /// Creates an origin.
  public init(file: String? = nil, line: Int = 1) {
    self.file = file
    self.line = line
  }
}
