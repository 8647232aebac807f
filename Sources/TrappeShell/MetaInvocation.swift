import TrappeBase

/// The words of one meta command line, with helpers that report bad arguments precisely.
struct MetaInvocation: Sendable {
  /// The command word itself (e.g. `.load`).
  let commandWord: CommandWord
  /// The arguments after the command word.
  let arguments: [CommandWord]
  /// The whole line, for diagnostics.
  let line: String
  /// The command being run.
  let command: MetaCommand

  /// A diagnostic pointing at `word` (or at the command word when nil).
  func error(_ message: String, at word: CommandWord? = nil, hints: [String] = [])
    -> Diagnostic
  {
    let target = word ?? commandWord
    return Diagnostic(
      .error, message, at: SourceLocation(line: 1, column: target.column), sourceLine: line,
      length: target.length, hints: hints)
  }

  /// A diagnostic pointing just past the end of the line, for a missing argument.
  func missing(_ what: String) -> Diagnostic {
    let end = (arguments.last ?? commandWord)
    return Diagnostic(
      .error, "\(commandWord.text) needs \(what)",
      at: SourceLocation(line: 1, column: end.column + end.length + 1), sourceLine: line,
      hints: ["usage: \(command.usage)"])
  }

  /// Fails unless the number of arguments is within `range`.
  func expectArguments(_ range: ClosedRange<Int>, naming what: String) throws(Diagnostic) {
    if arguments.count < range.lowerBound { throw missing(what) }
    if arguments.count > range.upperBound {
      throw error(
        "unexpected argument '\(arguments[range.upperBound].text)'", at: arguments[range.upperBound],
        hints: ["usage: \(command.usage)"])
    }
  }

  /// The argument at `index` if present.
  func argument(_ index: Int) -> CommandWord? {
    index < arguments.count ? arguments[index] : nil
  }

  /// Parses `word` as one of `choices`, with a did-you-mean on failure.
  func choice(_ word: CommandWord, from choices: [String], what: String) throws(Diagnostic)
    -> String
  {
    let lowered = word.text.lowercased()
    if choices.contains(lowered) { return lowered }
    throw error(
      "unknown \(what) '\(word.text)'", at: word,
      hints: ["expected one of: \(choices.joined(separator: ", "))"]
    ).suggesting(Suggestion.nearest(to: word.text, in: choices))
  }
}
