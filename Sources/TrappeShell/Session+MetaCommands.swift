import TrappeBase
import TrappeQuery

extension Session {
  /// Runs a line that starts with a dot.
  func runMetaCommand(_ text: String) throws(Diagnostic) {
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? text
    let words = try CommandLineSplitter.split(line)
    guard let first = words.first else { return }
    let command = try MetaCommand.lookup(first, line: line)
    let invocation = MetaInvocation(
      commandWord: first, arguments: Array(words.dropFirst()), line: line, command: command)
    try command.handler(self, invocation)
  }
}

extension MetaCommand {
  /// Finds the command a word names: exactly, by alias, or by a unique prefix (`.desc`).
  static func lookup(_ word: CommandWord, line: String) throws(Diagnostic) -> MetaCommand {
    let name = String(word.text.dropFirst()).lowercased()
    if let command = all.first(where: { $0.name == name || $0.aliases.contains(name) }) {
      return command
    }
    let prefixed = all.filter { $0.name.hasPrefix(name) }
    if name.count >= 2, prefixed.count == 1 { return prefixed[0] }
    let names = all.map { "." + $0.name }
    var hints = ["type .help to list the commands"]
    if let habit = HabitHints.command(name) { hints.insert(habit, at: 0) }
    if prefixed.count > 1 {
      hints.insert("'\(word.text)' could be \(prefixed.map { "." + $0.name }.joined(separator: ", "))", at: 0)
    }
    let diagnostic = Diagnostic(
      .error, "unknown command '\(word.text)'", at: SourceLocation(line: 1, column: word.column),
      sourceLine: line, length: word.length, hints: hints)
    if prefixed.count > 1 { throw diagnostic }
    throw diagnostic.suggesting(Suggestion.nearest(to: word.text, in: names))
  }
}
