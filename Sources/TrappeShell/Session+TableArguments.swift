import TrappeBase
import TrappeStorage

extension Session {
  /// The table a command argument names, or a diagnostic with the nearest name.
  func table(named word: CommandWord, in invocation: MetaInvocation) throws(Diagnostic) -> (String, Table) {
    if let table = try table(resolving: word.text) { return (word.text, table) }
    let names = tableNames
    let hint = names.isEmpty ? ["no tables are loaded yet"] : ["tables: \(names.joined(separator: ", "))"]
    throw invocation.error("no table named '\(word.text)'", at: word, hints: hint)
      .suggesting(Suggestion.nearest(to: word.text, in: names))
  }
}
