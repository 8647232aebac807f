extension MetaCommand {
  /// `.help [COMMAND]`: lists the commands, or explains one.
  static let help = MetaCommand(
    name: "help", arguments: [.command], usage: ".help [COMMAND]",
    summary: "List the commands, or show how to use one",
    details: "Without an argument, lists every command with its synopsis. With a command name\n"
      + "(with or without the dot), shows its synopsis, what it does and an example.",
    example: ".help load"
  ) { session, invocation throws(Diagnostic) in
    try invocation.expectArguments(0...1, naming: "a command name")
    guard let word = invocation.argument(0) else {
      session.say(MetaCommand.overview())
      return
    }
    let dotted = word.text.hasPrefix(".") ? word : CommandWord(text: "." + word.text, column: word.column, length: word.length)
    let command = try MetaCommand.lookup(dotted, line: invocation.line)
    session.say(command.manual())
  }

  /// The `.help` listing: one aligned line per command.
  static func overview() -> String {
    let column = 24
    var lines: [String] = []
    for command in all {
      if command.usage.count < column {
        lines.append(command.usage + String(repeating: " ", count: column - command.usage.count) + command.summary)
      } else {
        lines.append(command.usage)
        lines.append(String(repeating: " ", count: column) + command.summary)
      }
    }
    lines.append("")
    lines.append("Type .help COMMAND for details and an example. A table name on its own prints the table.")
    return lines.joined(separator: "\n")
  }

  /// The text `.help COMMAND` prints.
  func manual() -> String {
    var text = "\(usage)\n\n\(summary).\n"
    if !details.isEmpty { text += "\n\(details)\n" }
    if !aliases.isEmpty { text += "\nAlso: \(aliases.map { "." + $0 }.joined(separator: ", "))\n" }
    text += "\nExample:\n  \(example)"
    return text
  }
}
