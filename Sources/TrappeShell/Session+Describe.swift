import TrappeBase
import TrappeStorage
import TrappeQuery

extension Session {
  /// The table `.describe` summarises: the one its single argument names, or the result of
  /// the pipeline its arguments spell (`.describe resultater | where runde == 5`), with the
  /// catalog entries a pipeline read (for its source line and the illustrative label).
  func describedTable(_ invocation: MetaInvocation) throws(Diagnostic) -> (String, Table, [CatalogEntry]) {
    if invocation.arguments.count == 1 {
      let (name, table) = try table(named: invocation.arguments[0], in: invocation)
      return (name, table, [])
    }
    let first = invocation.arguments[0]
    let characters = Array(invocation.line)
    let start = min(max(0, first.column - 1), characters.count)
    let text = String(characters[start...])
    let source = SourceText(text)
    let statement: Statement
    do throws(LanguageError) {
      statement = try QueryParser.parse(text)
    } catch {
      throw error.diagnostic(in: source)
    }
    guard case .pipeline(let pipeline) = statement else {
      throw invocation.error(
        ".describe takes a table name or a pipeline", at: first, hints: ["usage: \(invocation.command.usage)"])
    }
    let outcome = try evaluate(pipeline, source: source)
    report(outcome.warnings)
    return (text, outcome.table, outcome.inputs)
  }
}
