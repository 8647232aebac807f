import TrappeQuery
import TrappeStorage

extension BenchOperator {
  /// `bench` in SQL, step for step as ``run(_:notes:)``: the measure's numerator and denominator
  /// per kommune (and key) from the same summarize plan; value = scale · num / den (NULL when the
  /// denominator is 0); pooled values sum numerators and denominators (or average the values,
  /// `unweighted`); peers are the group's members that have rows; the top 10 are the best 10 values
  /// in the measure's direction among the municipalities with den ≥ min_n (ties by name); ranks
  /// count the better values (higher, or lower for `better lower`); change and
  /// difference-in-differences against the previous key.
  /// The benchmarked municipalities and their peers are known when the command is bound and are
  /// written into the SQL as constants. The notes (and the errors for a named municipality
  /// without rows) are not reproduced.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    try requireNotExpectedForSQL()
    if funnel {
      throw SQLError(
        "\(summary): the funnel column has no SQL form yet (its limits need a square root per row and are not compiled)",
        hints: ["explain sql covers bench without funnel"])
    }
    if intervals { throw .intervalsNotCompiled(summary, columns: "the interval columns value_lo … diff_*_sig are") }
    let keyName = period?.name
    let totals = try measure.sqlTotals(
      input: input, by: ["kommune"] + (keyName.map { [$0] } ?? []), dialect: dialect, prefix: "b")
    func id(_ name: String) -> String { dialect.identifier(name) }
    let scale = "CAST(\(measure.scale) AS DOUBLE)"
    let key = keyName.map { "c.\(id($0))" } ?? "NULL"
    let keyOf = { (alias: String) in keyName.map { "\(alias).\(id($0))" } ?? "NULL" }
    let sameKey = { (a: String, b: String) in keyName == nil ? "TRUE" : "\(keyOf(a)) IS NOT DISTINCT FROM \(keyOf(b))" }
    let pooled = { (alias: String) -> String in
      self.unweighted
        ? "avg(\(alias).v)"
        : "CASE WHEN sum(\(alias).den) <> 0 THEN \(scale) * sum(\(alias).num) / sum(\(alias).den) END"
    }
    var keyOrder = ["1"]
    if let period {
      let k = "k.\(id(period.name))"
      keyOrder = (period.type == .string ? dialect.collationKeys(k) : [k]).map { "\($0) ASC \(dialect.nullsLast)" }
    }
    let targets = municipalities.enumerated().map { "(\($0.offset), \(dialect.string($0.element)))" }
    var memberRows: [String] = []
    for name in municipalities {
      for other in group.members[name] ?? [] where other != name {
        memberRows.append("(\(dialect.string(name)), \(dialect.string(other)))")
      }
    }
    let members =
      memberRows.isEmpty
      ? "SELECT CAST(NULL AS VARCHAR) AS name, CAST(NULL AS VARCHAR) AS other WHERE FALSE"
      : "SELECT * FROM (VALUES \(memberRows.joined(separator: ", "))) AS m(name, other)"
    // The measure's direction: which values are better, and the order of the best first.
    let better = direction == .higher ? ">" : "<"
    let bestFirst = direction == .higher ? "DESC" : "ASC"
    let minimum = "CAST(\(minimumN) AS DOUBLE)"
    let keyColumn = keyName.map { ", g.\(id($0))" } ?? ""
    let keySelect = keyName.map { ", \(id($0))" } ?? ""
    let previous = { (column: String) in "lag(\(column)) OVER (PARTITION BY t_i ORDER BY ki)" }
    var extra = ""
    if period != nil {
      extra = """
        , value - \(previous("value")) AS \(id("change")),
          (value - \(previous("value"))) - (peer_value - \(previous("peer_value"))) AS \(id("did_peers")),
          (value - \(previous("value"))) - (national_value - \(previous("national_value"))) AS \(id("did_national"))
        """
    }
    return """
      WITH
        totals AS (\(totals)),
        c AS (
          SELECT \(id("kommune")) AS kommune\(keyName.map { ", \(id($0))" } ?? ""),
            COALESCE(\(id("numerator")), 0) AS num, COALESCE(\(id("denominator")), 0) AS den,
            CASE WHEN COALESCE(\(id("denominator")), 0) <> 0 THEN \(scale) * COALESCE(\(id("numerator")), 0) / \(id("denominator")) END AS v
          FROM totals WHERE \(id("kommune")) IS NOT NULL),
        k AS (SELECT DISTINCT \(key == "NULL" ? "1 AS one" : key.replacingC()) FROM totals),
        keys AS (SELECT k.*, row_number() OVER (ORDER BY \(keyOrder.joined(separator: ", "))) AS ki FROM k),
        targets AS (
          SELECT * FROM (VALUES \(targets.joined(separator: ", "))) AS t(t_i, name)
          WHERE name IN (SELECT kommune FROM c)),
        members AS (SELECT * FROM (\(members)) WHERE other IN (SELECT kommune FROM c)),
        national AS (SELECT \(keyName.map { "c.\(id($0)), " } ?? "")\(pooled("c")) AS p FROM c GROUP BY ALL),
        best AS (
          SELECT * FROM (
            SELECT c.*, row_number() OVER (PARTITION BY \(key) ORDER BY v \(bestFirst), kommune ASC) AS r FROM c
            WHERE v IS NOT NULL AND den >= \(minimum))
          WHERE r <= \(BenchOperator.topCount)),
        top AS (SELECT \(keyName.map { "c.\(id($0)), " } ?? "")\(pooled("c")) AS p FROM best AS c GROUP BY ALL),
        g AS (SELECT * FROM targets CROSS JOIN keys),
        rows AS (
          SELECT g.t_i, g.ki, g.name AS kommune\(keyColumn), own.v AS value,
            CASE WHEN EXISTS (SELECT 1 FROM members WHERE members.name = g.name) THEN (
              SELECT \(pooled("c")) FROM c JOIN members ON c.kommune = members.other
              WHERE members.name = g.name AND \(sameKey("c", "g"))) END AS peer_value,
            (SELECT p FROM national AS c WHERE \(sameKey("c", "g"))) AS national_value,
            (SELECT p FROM top AS c WHERE \(sameKey("c", "g"))) AS top10_value,
            CASE WHEN own.v IS NOT NULL AND EXISTS (SELECT 1 FROM members WHERE members.name = g.name) THEN 1 + (
              SELECT count(*) FROM c WHERE \(sameKey("c", "g")) AND c.v \(better) own.v
                AND (c.kommune = g.name OR c.kommune IN (SELECT other FROM members WHERE members.name = g.name))) END
              AS rank_peers,
            CASE WHEN own.v IS NOT NULL THEN 1 + (SELECT count(*) FROM c WHERE \(sameKey("c", "g")) AND c.v \(better) own.v) END
              AS rank_national,
            own.den AS n
          FROM g LEFT JOIN c AS own ON own.kommune = g.name AND \(sameKey("own", "g")))
      SELECT row_number() OVER (ORDER BY t_i, ki) AS \(id("__ord")), kommune AS \(id("kommune"))\(keySelect),
        value AS \(id("value")), peer_value AS \(id("peer_value")), national_value AS \(id("national_value")),
        top10_value AS \(id("top10_value")), value - peer_value AS \(id("diff_peers")),
        value - national_value AS \(id("diff_national")), CAST(rank_peers AS BIGINT) AS \(id("rank_peers")),
        CAST(rank_national AS BIGINT) AS \(id("rank_national")), CAST(n AS \(integerCounts ? "BIGINT" : "DOUBLE")) AS \(id("n"))\(extra)
      FROM rows
      """
  }
}

extension String {
  /// `c."x"` as `"x"`: the key column without its table alias.
  fileprivate func replacingC() -> String { hasPrefix("c.") ? String(dropFirst(2)) : self }
}
