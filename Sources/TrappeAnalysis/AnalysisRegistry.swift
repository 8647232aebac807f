
/// Every analysis command, by keyword.
enum AnalysisRegistry {
  /// The bindings; each analysis adds itself here.
  static let all: [any AnalysisBinding.Type] = [
    BenchBinding.self, PeersBinding.self, DecomposeBinding.self, GapBinding.self, FlowBinding.self,
    SurvivalBinding.self, ExpectedBinding.self,
  ]

  /// The binding for `keyword`.
  static func binding(for keyword: String) -> (any AnalysisBinding.Type)? {
    all.first { $0.keyword == keyword }
  }
}
