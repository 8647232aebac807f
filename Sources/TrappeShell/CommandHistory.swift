/// The statements that succeeded in the interactive shell, for `.history`, `.history save` and `.rerun`.
///
/// Only statements that change what a replay computes are kept: queries, `let`,
/// `measure`, `.load`, settings, `.save` and the like; looking around (`.help`,
/// `.tables`, `.describe`, `.datasets`, `.measures`, `.memory`, `.history`) is not.
/// A line starting with `|` that extended the last query replaces that query's entry
/// with the extended statement, so a saved script holds each pipeline once, whole.
package struct CommandHistory: Sendable {
  /// The kept statements, oldest first; entry `i` is number `i + 1`.
  package private(set) var entries: [String] = []
  /// The last query that succeeded and what it was extended to; a line starting
  /// with `|` continues it. Nil after a failed statement or a meta command.
  package private(set) var lastQuery: String?
  /// Whether ``lastQuery`` is the newest entry (so an extension replaces it).
  private var lastQueryIsNewestEntry = false
  /// The number of the result (`outN`) ``lastQuery`` made, which an extension replaces.
  var lastQueryResult: Int?

  /// Meta commands that only show things, so a replay does not need them.
  static let lookingAround: Set<String> = [
    "help", "tables", "datasets", "measures", "describe", "memory", "history", "rerun", "timer", "quit", "record",
  ]

  package init() {}

  /// Notes that `text` succeeded; `extending` is true when it was a `|` line added to ``lastQuery``.
  mutating func succeeded(_ text: String, metaCommand: String?, extending: Bool) {
    if let metaCommand {
      // .rerun keeps the statement it ran (see MetaCommand.rerun), not itself.
      if metaCommand == "rerun" { return }
      lastQuery = nil
      lastQueryResult = nil
      lastQueryIsNewestEntry = false
      guard !CommandHistory.lookingAround.contains(metaCommand) else { return }
      entries.append(text)
      return
    }
    if extending && lastQueryIsNewestEntry && !entries.isEmpty {
      entries[entries.count - 1] = text
    } else {
      entries.append(text)
    }
    lastQuery = text
    lastQueryIsNewestEntry = true
  }

  /// Notes that a statement failed: a `|` line cannot continue it. A failed `|` line keeps
  /// the query it tried to extend, so the line can be typed again corrected.
  mutating func failed(extending: Bool) {
    guard !extending else { return }
    lastQuery = nil
    lastQueryResult = nil
    lastQueryIsNewestEntry = false
  }

  /// The entries as a script that replays the session.
  func script(header: String) -> String {
    var text = header
    for entry in entries { text += entry + "\n" }
    return text
  }
}
