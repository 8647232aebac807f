import TrappeQuery
import TrappeStorage

extension PeersOperator {
  /// `peers` in SQL, step for step as ``PeerFinder``: the rows of the earliest `aar` (when the input
  /// has one; every year with `stability`), the variables as doubles (ledighed_pct and kh_pct
  /// computed when absent; `x from TABLE` joined from the other table's values, written into the
  /// SQL as constants), rows with a missing value left out, z-scores per year with the sample
  /// standard deviation (0 when it is 0), the Euclidean distance to the municipality, the excluded
  /// municipalities left out as candidates (their names written as constants), the k nearest
  /// (ties by name). `stability` then compares each year's peers with the earliest year's.
  /// `as NAME` saves the group only when the command runs; the SQL just lists the peers. The
  /// notes, the poor-match warning and the errors (a municipality without a value of a `from`
  /// variable, or with several) are not reproduced: the SQL leaves such a row out.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    func id(_ name: String) -> String { dialect.identifier(name) }
    let names = Set(input.columns.map(\.name))
    func double(_ name: String) -> String { dialect.cast(id(name), to: .double, unit: nil) }
    var values: [String] = []
    var joins: [String] = []
    var sides: [String] = []
    for variable in variables {
      if let side = side.first(where: { $0.name == variable }) {
        let alias = "s\(sides.count)"
        let rows = side.values.keys.sorted { ($0.municipality, $0.year ?? 0) < ($1.municipality, $1.year ?? 0) }
          .map { key -> String in
            let value = (side.values[key]?.first).flatMap { $0 }
            let number = value.map { dialect.literal(.double($0), type: .double, unit: nil) } ?? "CAST(NULL AS DOUBLE)"
            return "(\(dialect.string(key.municipality)), \(key.year.map(String.init) ?? "NULL"), \(number))"
          }
        let key =
          side.key == "kommunekode"
          ? "CAST(CAST(\(double("kommunekode")) AS BIGINT) AS VARCHAR)" : "lower(\(id("kommune")))"
        sides.append(
          rows.isEmpty
            ? "\(alias) AS (SELECT CAST(NULL AS VARCHAR) AS k, CAST(NULL AS BIGINT) AS y, CAST(NULL AS DOUBLE) AS v WHERE FALSE)"
            : "\(alias) AS (SELECT * FROM (VALUES \(rows.joined(separator: ", "))) AS t(k, y, v))")
        joins.append(
          " LEFT JOIN \(alias) ON \(alias).k = \(key)"
            + (side.byYear ? " AND \(alias).y = CAST(\(double("aar")) AS BIGINT)" : ""))
        values.append("\(alias).v")
      } else if names.contains(variable) {
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
    let hasYear = names.contains("aar")
    let yearFilter =
      hasYear && !stability
      ? " WHERE \(double("aar")) = (SELECT min(\(double("aar"))) FROM \(input.name))" : ""
    let year = hasYear ? "CAST(\(double("aar")) AS BIGINT)" : "CAST(0 AS BIGINT)"
    let code = names.contains("kommunekode") ? double("kommunekode") : "CAST(NULL AS DOUBLE)"
    let me = dialect.string(kommune)
    let excluded = exclusion.members.filter { $0 != kommune }
    let notExcluded =
      excluded.isEmpty ? "" : " AND z.kommune NOT IN (\(excluded.map(dialect.string).joined(separator: ", ")))"
    let stats = v.map { "avg(\($0)) AS m_\($0), stddev_samp(\($0)) AS s_\($0)" }.joined(separator: ", ")
    let scores = v.map { "CASE WHEN s_\($0) > 0 THEN (\($0) - m_\($0)) / s_\($0) ELSE 0 END AS z_\($0)" }
      .joined(separator: ", ")
    let squares = v.map { "(z.z_\($0) - c.z_\($0)) * (z.z_\($0) - c.z_\($0))" }.joined(separator: " + ")
    let common = """
      WITH
        \(sides.map { $0 + ",\n  " }.joined())base AS (
          SELECT \(id("__ord")) AS o, \(id("kommune")) AS kommune, \(code) AS code, \(year) AS yr, \(zip(values, v).map { "\($0) AS \($1)" }.joined(separator: ", "))
          FROM \(input.name)\(joins.joined())\(yearFilter)),
        kept AS (SELECT * FROM base WHERE kommune IS NOT NULL\(v.map { " AND \($0) IS NOT NULL" }.joined())),
        stats AS (SELECT yr AS s_yr, \(stats) FROM kept GROUP BY yr),
        z AS (SELECT kept.*, \(scores) FROM kept JOIN stats ON stats.s_yr = kept.yr),
        centre AS (SELECT * FROM (SELECT z.*, row_number() OVER (PARTITION BY yr ORDER BY o) AS n1 FROM z WHERE kommune = \(me)) WHERE n1 = 1),
        d AS (
          SELECT z.*, sqrt(\(squares.isEmpty ? "0" : squares)) AS distance
          FROM z JOIN centre AS c ON c.yr = z.yr WHERE z.kommune <> \(me)\(notExcluded)),
        ranked AS (SELECT *, row_number() OVER (PARTITION BY yr ORDER BY distance, kommune) AS r FROM d)
      """
    if stability {
      return common + """
        ,
          top AS (SELECT yr, kommune, r FROM ranked WHERE r <= \(k)),
          basepeers AS (SELECT * FROM top WHERE yr = (SELECT min(yr) FROM centre)),
          years AS (SELECT DISTINCT yr FROM centre),
          counted AS (
            SELECT years.yr,
              (SELECT count(*) FROM top WHERE top.yr = years.yr) AS peers,
              (SELECT count(*) FROM top WHERE top.yr = years.yr AND top.kommune IN (SELECT kommune FROM basepeers)) AS kept,
              (SELECT count(*) FROM basepeers) AS base,
              COALESCE((SELECT string_agg(kommune, ', ' ORDER BY r) FROM top
                WHERE top.yr = years.yr AND top.kommune NOT IN (SELECT kommune FROM basepeers)), '') AS new,
              COALESCE((SELECT string_agg(kommune, ', ' ORDER BY r) FROM basepeers
                WHERE basepeers.kommune NOT IN (SELECT kommune FROM top WHERE top.yr = years.yr)), '') AS dropped
            FROM years)
        SELECT row_number() OVER (ORDER BY yr) AS \(id("__ord")), yr AS \(id("aar")), CAST(peers AS BIGINT) AS \(id("peers")),
          CAST(kept AS BIGINT) AS \(id("kept")),
          CASE WHEN base > 0 THEN CAST(kept AS DOUBLE) / base END AS \(id("kept_share")),
          new AS \(id("new")), dropped AS \(id("dropped"))
        FROM counted
        """
    }
    let outputs = zip(v, variables).map { v, variable in
      // Int columns of the input (befolkning) are shown as ints, as ``PeersOperator`` does.
      integerVariables.contains(variable)
        ? "\(dialect.tryCast(v, to: .int64, unit: nil)) AS \(id(variable))" : "\(v) AS \(id(variable))"
    }.joined(separator: ", ")
    return common + """

      SELECT r AS \(id("__ord")), CAST(r AS BIGINT) AS \(id("rank")), kommune AS \(id("kommune")),
        CAST(code AS BIGINT) AS \(id("kommunekode")), distance AS \(id("distance"))\(outputs.isEmpty ? "" : ", " + outputs)
      FROM ranked WHERE r <= \(k)
      """
  }
}
