import TrappeBase

extension MetaCommand {
  /// `.set [NAME [VALUE]]`: shows or sets a script parameter, used as `$NAME`.
  static let set = MetaCommand(
    name: "set", arguments: [.value], usage: ".set [NAME [VALUE]]",
    summary: "Show or set a parameter that scripts use as $NAME",
    details: """
      .set kommune Slagelse makes $kommune stand for Slagelse in every later command,
      e.g. bench i_gang for $kommune. Without a value the parameter is shown; without
      arguments all are listed. trappe SCRIPT kommune=Slagelse sets it from the command
      line; $$ writes a literal $.
      """,
    example: ".set kommune Slagelse"
  ) { session, invocation throws(Diagnostic) in
    guard let nameWord = invocation.argument(0) else {
      if session.parameters.isEmpty {
        session.say("no parameters set: .set NAME VALUE")
      } else {
        for name in session.parameters.keys.sorted() { session.say("\(name) = \(session.parameters[name] ?? "")") }
      }
      return
    }
    let name = nameWord.text
    guard let first = name.first, first.isLetter || first == "_", name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
    else {
      throw invocation.error("'\(name)' is not a valid parameter name", at: nameWord, hints: ["use letters, digits and _"])
    }
    let values = invocation.arguments.dropFirst().map(\.text)
    guard !values.isEmpty else {
      guard let value = session.parameters[name] else {
        throw invocation.error("no parameter named '\(name)'", at: nameWord)
          .suggesting(Suggestion.nearest(to: name, in: Array(session.parameters.keys)))
      }
      session.say("\(name) = \(value)")
      return
    }
    session.parameters[name] = values.joined(separator: " ")
  }
}
