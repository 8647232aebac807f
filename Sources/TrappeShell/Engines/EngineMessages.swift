import TrappeBase
import TrappeEngines

/// How engine failures read in the session.
enum EngineMessages {
  /// A diagnostic for an engine error outside a statement's SQL (attaching, listing tables).
  static func diagnostic(_ error: EngineError, engine: AttachedEngine?) -> Diagnostic {
    switch error {
    case .start(let message, let hints): return Diagnostic(.error, message, hints: hints)
    case .cancelled: return Diagnostic(.error, error.message)
    case .engine(let message):
      let name = engine?.description ?? "the engine"
      return Diagnostic(.error, "\(name): \(headline(message))")
    default:
      let name = engine?.description ?? "the engine"
      return Diagnostic(.error, "\(name): \(error.message)")
    }
  }

  /// The line of `sql` an engine's message points at (`LINE 12:` in DuckDB's messages), if any.
  static func pointedLine(_ message: String, sql: String) -> (number: Int, text: String)? {
    let characters = Array(message)
    let marker = Array("LINE ")
    guard let start = (0...max(0, characters.count - marker.count)).first(where: {
      characters.count >= marker.count && Array(characters[$0..<$0 + marker.count]) == marker
    }) else { return nil }
    let digits = String(characters[(start + marker.count)...].prefix(while: { $0.isNumber }))
    guard let number = Int(digits), number >= 1 else { return nil }
    let lines = sql.split(separator: "\n", omittingEmptySubsequences: false)
    guard number <= lines.count else { return nil }
    return (number, String(lines[number - 1]))
  }

  /// The engine's message without the echo of the SQL it may append (DuckDB's `LINE n: …` and caret).
  static func headline(_ message: String) -> String {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: true)
    let kept = lines.prefix(while: { !$0.hasPrefix("LINE ") })
    return kept.joined(separator: " ").trimmingCharacters()
  }
}

extension String {
  func trimmingCharacters() -> String {
    var s = Substring(self)
    while let f = s.first, f == " " || f == "\n" { s.removeFirst() }
    while let l = s.last, l == " " || l == "\n" { s.removeLast() }
    return String(s)
  }
}
