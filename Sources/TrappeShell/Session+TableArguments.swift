import TrappeBase
import TrappeStorage

extension Session {
  /// The table a command argument names, or a diagnostic with the nearest name.
  func table(named word: CommandWord, in invocation: MetaInvocation) throws(Diagnostic) -> (String, Table) {
    if let engine, engine.claims(word.text) {
      // An engine table's rows stay in the engine: a command on the name itself would see none.
      throw invocation.error(
        "\(word.text) is a table of the engine \(engine.prefix); its rows stay there", at: word,
        hints: ["run a pipeline over it first (\(word.text) | summarize …) and use its result, e.g. .save _ FILE"])
    }
    if let table = try table(resolving: word.text) { return (word.text, table) }
    let names = tableNames
    let hint = names.isEmpty ? ["no tables are loaded yet"] : ["tables: \(names.joined(separator: ", "))"]
    throw invocation.error("no table named '\(word.text)'", at: word, hints: hint)
      .suggesting(Suggestion.nearest(to: word.text, in: names))
  }
}
