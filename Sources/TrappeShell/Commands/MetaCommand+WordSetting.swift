import TrappeBase

extension MetaCommand {
  /// A command for a setting chosen from fixed words (`.charset`, `.locale`, `.mode`,
  /// `.timer`): with no argument it says `NAME: WORD`; with one word it sets the setting.
  ///
  /// `what` names the setting in the error for a word not in `words`; `current` spells the
  /// setting as one of `words`, and `choose` sets it from the chosen word.
  static func wordSetting(
    name: String, words: [String], usage: String, summary: String, details: String = "",
    example: String, what: String,
    current: @escaping @Sendable (SessionSettings) -> String,
    choose: @escaping @Sendable (inout SessionSettings, String) -> Void
  ) -> MetaCommand {
    MetaCommand(
      name: name, arguments: [.keyword(words)], usage: usage, summary: summary, details: details,
      example: example
    ) { session, invocation throws(Diagnostic) in
      try invocation.expectArguments(0...1, naming: what)
      guard let word = invocation.argument(0) else {
        session.say("\(name): \(current(session.settings))")
        return
      }
      let chosen = try invocation.choice(word, from: words, what: what)
      choose(&session.settings, chosen)
    }
  }
}
