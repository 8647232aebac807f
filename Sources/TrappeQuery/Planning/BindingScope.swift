
/// The columns a stage can refer to, with name lookup and "did you mean" on failure.
struct BindingScope {
  /// The columns, in input order.
  var columns: [PlanColumn]
  /// Qualified names for the sides of a join condition (`left.x`, `right.x`).
  var qualifier: String?

  init(_ columns: [PlanColumn], qualifier: String? = nil) {
    self.columns = columns
    self.qualifier = qualifier
  }

  /// The index of the column called `name`: exact match first, then a unique case-insensitive match.
  func index(of name: String) -> Int? {
    if let exact = columns.lastIndex(where: { $0.name == name }) { return exact }
    let lowered = name.lowercased()
    let matches = columns.indices.filter { columns[$0].name.lowercased() == lowered }
    return matches.count == 1 ? matches[0] : nil
  }

  /// The visible column names (synthetic ones hidden), for suggestions.
  var names: [String] { columns.map(\.name).filter { !$0.hasPrefix(BindingScope.syntheticPrefix) } }

  /// Names the binder gives to intermediate columns; users cannot write them.
  static let syntheticPrefix = "\u{1}"
}
