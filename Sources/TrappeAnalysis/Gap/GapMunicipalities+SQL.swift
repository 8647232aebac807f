import TrappeQuery

extension GapMunicipalities {
  /// The municipalities to report as SQL rows (kommune, mi), mi their order: every municipality of
  /// `source` in order of first appearance (`__ord`), or the named ones that `source` has.
  func sqlChosen(from source: String, dialect: any SQLDialect) -> String {
    func id(_ name: String) -> String { dialect.identifier(name) }
    switch self {
    case .all:
      return "SELECT kommune, row_number() OVER (ORDER BY first_row) AS mi FROM (SELECT \(id("kommune")) AS kommune, "
        + "min(\(id("__ord"))) AS first_row FROM \(source) WHERE \(id("kommune")) IS NOT NULL GROUP BY ALL)"
    case .listed(let names), .method(let names):
      let rows = names.enumerated().map { "(\($0.offset), \(dialect.string($0.element)))" }.joined(separator: ", ")
      return "SELECT kommune, mi FROM (VALUES \(rows)) AS m(mi, kommune) WHERE kommune IN "
        + "(SELECT \(id("kommune")) FROM \(source))"
    }
  }
}
