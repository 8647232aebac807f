/// Why an engine request failed.
package enum EngineError: Error, Sendable, Equatable {
  /// The bridge could not be started, or its Python lacks a module: the message says how to fix it.
  case start(String, hints: [String] = [])
  /// The engine refused or failed the statement (its own message).
  case engine(String)
  /// The statement was cancelled (Ctrl-C); the engine is still attached.
  case cancelled
  /// The result has more rows than Trappe takes (`limit`).
  case tooLarge(limit: Int)
  /// The bridge ended or broke the protocol; it is restarted on the next request.
  case bridge(String)
  /// The engine returned a column Trappe has no type for, or a value that does not fit.
  case unsupported(String)

  package var message: String {
    switch self {
    case .start(let m, _), .engine(let m), .bridge(let m), .unsupported(let m): return m
    case .cancelled: return "interrupted: the engine query was cancelled and nothing was changed"
    case .tooLarge(let limit):
      return "the engine's result has more than \(limit) rows, more than the memory budget allows to bring back"
    }
  }
}
