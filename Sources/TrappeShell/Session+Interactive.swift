import TrappeBase

extension Session {
  /// Runs a statement typed in the interactive shell and keeps it in ``history``.
  ///
  /// A statement that starts with `|` continues the last query that succeeded, as a
  /// line starting with `|` does in a script: the shell runs that query again with the
  /// line added, and the result replaces the shorter one in `.history`. So typing a
  /// script's lines one by one ends with the result the script gives. A failed `|` line
  /// leaves the query as it was, so the corrected line can be typed again. The extended
  /// result keeps the number (`outN`) of the result it replaces.
  package func runInteractive(_ text: String) -> StatementOutcome {
    let body = text.trimmingLeadingWhitespace()
    if Session.isOnlyComments(text) && !body.hasPrefix(".") { return .success }
    let extending = body.hasPrefix("|")
    var statement = text
    if extending {
      guard let last = history.lastQuery else {
        let column = text.count - body.count + 1
        let diagnostic = Diagnostic(
          .error, "there is no query for this '|' line to continue",
          at: SourceLocation(line: 1, column: column),
          sourceLine: String(text.split(separator: "\n", omittingEmptySubsequences: false)[0]), length: 1,
          hints: [
            "a line starting with | continues the last query that succeeded; the statement before was a command or failed",
            "start with a table name (kommuner | where ...), or continue the last result with _ | ...",
          ])
        output.error(diagnostic.rendered(color: settings.color))
        return .failure(diagnostic)
      }
      statement = last + "\n" + text
    }
    // The extended query's result takes the number of the result it replaces (so `out2`
    // and `_` mean what a replay of `.history save` gives them); put back if it fails.
    var replaced: CatalogEntry??
    if extending, let number = history.lastQueryResult, number == catalog.resultSlotCount {
      replaced = catalog.removeLastResult()
    }
    let slotsBefore = catalog.resultSlotCount
    let outcome = run(statement, origin: InputOrigin(file: nil, line: 1))
    let made = catalog.resultSlotCount == slotsBefore + 1 ? catalog.resultSlotCount : nil
    switch outcome {
    case .success:
      history.succeeded(statement, metaCommand: Session.metaCommandName(statement), extending: extending)
      history.lastQueryResult = history.lastQuery == nil ? nil : made
    case .failure, .exit:
      if let replaced, catalog.resultSlotCount == slotsBefore, let entry = replaced {
        catalog.appendResult(entry)
      }
      if case .failure = outcome { history.failed(extending: extending) }
    }
    return outcome
  }

  /// The name of the meta command `text` runs (aliases resolved), or nil for a query.
  static func metaCommandName(_ text: String) -> String? {
    let body = text.trimmingLeadingWhitespace()
    guard body.hasPrefix(".") else { return nil }
    let word = String(body.prefix { !$0.isWhitespace })
    let command = try? MetaCommand.lookup(CommandWord(text: word, column: 1, length: word.count), line: word)
    return command?.name ?? String(word.dropFirst()).lowercased()
  }
}
