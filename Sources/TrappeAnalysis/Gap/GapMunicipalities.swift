
/// Which municipalities `gap` reports on.
enum GapMunicipalities: Sendable, Equatable {
  /// The five VIP2 method municipalities (from `kommuner.vip2`), by name.
  case method([String])
  /// The municipalities given with `for`, by name, in the order written.
  case listed([String])
  /// Every municipality in the input (`for alle`).
  case all

  /// The text for `explain`.
  var text: String {
    switch self {
    case .method: return "the method municipalities"
    case .listed(let names): return names.joined(separator: ", ")
    case .all: return "alle"
    }
  }
}
