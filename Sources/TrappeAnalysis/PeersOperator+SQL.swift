import TrappeQuery
import TrappeStorage

extension PeersOperator {
  /// `peers` in SQL, step for step as ``PeerFinder``: the rows of the earliest `aar` (when the input
  /// has one), the variables as doubles (ledighed_pct and kh_pct computed when absent), rows with
  /// a missing value left out, z-scores with the sample standard deviation (0 when it is 0), the
  /// Euclidean distance to the municipality, the k nearest (ties by name). `as NAME` saves the
  /// group only when the command runs; the SQL just lists the peers.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    func id(_ name: String) -> String { dialect.identifier(name) }
    let names = Set(input.columns.map(\.name))
    func double(_ name: String) -> String { dialect.cast(id(name), to: .double, unit: nil) }
    var values: [String] = []
    for variable in variables {
      if names.contains(variable) {
        values.append(double(variable))
      } else if let parts = PeerFinder.derivedVariables[variable], names.contains(parts.numerator),
        names.contains(parts.denominator)
      {
        values.append(
          "CASE WHEN \(double(parts.denominator)) <> 0 THEN 100 * \(double(parts.numerator)) / \(double(parts.denominator)) END"
        )
      } else {
        throw SQLError("peers: the panel has no variable '\(variable)'")
      }
    }
    let v = variables.indices.map { "v\($0)" }
    let year =
      names.contains("aar") ? " WHERE \(double("aar")) = (SELECT min(\(double("aar"))) FROM \(input.name))" : ""
    let code = names.contains("kommunekode") ? double("kommunekode") : "CAST(NULL AS DOUBLE)"
    let me = dialect.string(kommune)
    let stats = v.map { "avg(\($0)) AS m_\($0), stddev_samp(\($0)) AS s_\($0)" }.joined(separator: ", ")
    let scores = v.map { "CASE WHEN s_\($0) > 0 THEN (\($0) - m_\($0)) / s_\($0) ELSE 0 END AS z_\($0)" }
      .joined(separator: ", ")
    let squares = v.map { "(z.z_\($0) - c.z_\($0)) * (z.z_\($0) - c.z_\($0))" }.joined(separator: " + ")
    let outputs = zip(v, variables).map { v, variable in
      // Int columns of the input (befolkning) are shown as ints, as ``PeersOperator`` does.
      integerVariables.contains(variable)
        ? "\(dialect.tryCast(v, to: .int64, unit: nil)) AS \(id(variable))" : "\(v) AS \(id(variable))"
    }.joined(separator: ", ")
    return """
      WITH
        base AS (
          SELECT \(id("__ord")) AS o, \(id("kommune")) AS kommune, \(code) AS code, \(zip(values, v).map { "\($0) AS \($1)" }.joined(separator: ", "))
          FROM \(input.name)\(year)),
        kept AS (SELECT * FROM base WHERE kommune IS NOT NULL\(v.map { " AND \($0) IS NOT NULL" }.joined())),
        stats AS (SELECT \(stats) FROM kept),
        z AS (SELECT kept.*, \(scores) FROM kept CROSS JOIN stats),
        d AS (
          SELECT z.*, sqrt(\(squares.isEmpty ? "0" : squares)) AS distance
          FROM z CROSS JOIN (SELECT * FROM z WHERE kommune = \(me) LIMIT 1) AS c WHERE z.kommune <> \(me)),
        ranked AS (SELECT *, row_number() OVER (ORDER BY distance, kommune) AS r FROM d)
      SELECT r AS \(id("__ord")), CAST(r AS BIGINT) AS \(id("rank")), kommune AS \(id("kommune")),
        CAST(code AS BIGINT) AS \(id("kommunekode")), distance AS \(id("distance"))\(outputs.isEmpty ? "" : ", " + outputs)
      FROM ranked WHERE r <= \(k)
      """
  }
}
