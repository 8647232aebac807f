import TrappeQuery

extension LanguageEntry {
  /// Every entry of `.help`: stages, analyses, functions, aggregates, window functions.
  package static let all: [LanguageEntry] = reference(analyses: analyses)

  /// The analysis commands' entries, from their bindings.
  package static var analyses: [LanguageEntry] { AnalysisRegistry.all.map { $0.help } }

  /// Looks an entry up by name (case-insensitive).
  static func named(_ name: String) -> LanguageEntry? {
    let lowered = name.lowercased()
    return all.first { $0.name == lowered }
  }
}
