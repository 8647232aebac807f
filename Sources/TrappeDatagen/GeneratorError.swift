
/// Why the generator could not run.
enum GeneratorError: Error, CustomStringConvertible {
  /// A real dataset it calibrates to is missing or has an unexpected shape.
  case unexpectedSource(String)

  /// A one-line explanation.
  var description: String {
    switch self {
    case .unexpectedSource(let text): return "unexpected source data: \(text)"
    }
  }
}
