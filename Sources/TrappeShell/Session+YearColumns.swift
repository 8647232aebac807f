extension Session {
  /// The int columns of table `name` whose manifest unit is year (`aar` in kommunepanel); for
  /// a `let` table or result, those of the tables it was computed from, by name. Windows
  /// ordered by such a column warn when rows compare across more than one year.
  func yearColumns(of name: String, depth: Int = 0) -> Set<String> {
    guard depth < 16, let entry = catalog.entry(name) else { return [] }
    switch entry.provenance.origin {
    case .dataset(let manifest), .file(_, _, let manifest?):
      return Set(manifest.columns.filter { $0.type == .int64 && $0.unit == "year" }.map(\.name))
    case .derived(_, let inputs):
      return inputs.reduce(into: Set<String>()) { $0.formUnion(yearColumns(of: $1, depth: depth + 1)) }
    default:
      return []
    }
  }
}
