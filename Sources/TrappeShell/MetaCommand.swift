import TrappeBase

/// A shell meta command (`.tables`, `.load`, ...): one row of the command table.
///
/// The table of all commands (``MetaCommand/all``) drives dispatch, `.help`
/// and Tab completion, so a command is added in one place only.
struct MetaCommand: Sendable {
  /// The name without the dot.
  let name: String
  /// Other names that run the command (`exit` for `quit`).
  let aliases: [String]
  /// What each positional argument names; the last kind repeats.
  let arguments: [ArgumentKind]
  /// The synopsis, e.g. `.load FILE [as NAME] [OPTION=VALUE ...]`.
  let usage: String
  /// One line saying what the command does.
  let summary: String
  /// Further explanation shown by `.help COMMAND`.
  let details: String
  /// An example invocation; the golden tests run every example.
  let example: String
  /// Runs the command.
  let handler: @Sendable (Session, MetaInvocation) throws(Diagnostic) -> Void

  init(
    name: String, aliases: [String] = [], arguments: [ArgumentKind] = [], usage: String,
    summary: String, details: String = "", example: String,
    handler: @escaping @Sendable (Session, MetaInvocation) throws(Diagnostic) -> Void
  ) {
    self.name = name
    self.aliases = aliases
    self.arguments = arguments
    self.usage = usage
    self.summary = summary
    self.details = details
    self.example = example
    self.handler = handler
  }

  /// The kind of the argument at `index` (0-based), repeating the last kind.
  func argumentKind(at index: Int) -> ArgumentKind? {
    guard !arguments.isEmpty else { return nil }
    return arguments[min(index, arguments.count - 1)]
  }
}
