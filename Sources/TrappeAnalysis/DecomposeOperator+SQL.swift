import TrappeQuery
import TrappeStorage

extension DecomposeOperator {
  /// `decompose` in SQL, step for step as ``run(_:notes:)``: per category (sorted, then a
  /// total row: `total` for a string variable, NULL for another) the municipality's and its
  /// pooled peers' shares of the denominator and rates, composition = (p − P)·R and
  /// rate_part = p·(r − R), a rate missing on one side taking the other side's. The peers
  /// (fixed when the command is bound) are constants; the errors for a municipality without rows
  /// or peers and the notes are not reproduced.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    func id(_ name: String) -> String { dialect.identifier(name) }
    let totals = try measure.sqlTotals(input: input, by: ["kommune", variable], dialect: dialect, prefix: "d")
    let scale = "CAST(\(measure.scale) AS DOUBLE)"
    let key = id(variable)
    let keyType = input.columns.first { $0.name == variable }?.type ?? .string
    let order = (keyType == .string ? dialect.collationKeys(key) : [key]).map { "\($0) ASC \(dialect.nullsLast)" }
    // A string variable labels the total row 'total' (and a NULL category 'NULL'); any other
    // keeps its own type with NULL on the total row, as run(_:notes:) (a typed key as text
    // could not be read back as the variable's type on an engine).
    let typed = keyType != .string
    let category = typed ? key : "CASE WHEN \(key) IS NULL THEN 'NULL' ELSE \(key) END"
    let totalLabel = typed ? "NULL" : "'total'"
    let others = (group.members[kommune] ?? []).filter { $0 != kommune }.map(dialect.string)
    let members =
      others.isEmpty
      ? "SELECT CAST(NULL AS VARCHAR) AS other WHERE FALSE"
      : "SELECT * FROM (VALUES \(others.map { "(\($0))" }.joined(separator: ", "))) AS m(other)"
    let me = dialect.string(kommune)
    return """
      WITH
        totals AS (\(totals)),
        c AS (
          SELECT \(id("kommune")) AS kommune, \(key), COALESCE(\(id("numerator")), 0) AS num,
            COALESCE(\(id("denominator")), 0) AS den
          FROM totals WHERE \(id("kommune")) IS NOT NULL),
        keys AS (SELECT \(key), row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS ki FROM (SELECT DISTINCT \(key) FROM totals)),
        others AS (SELECT DISTINCT other FROM (\(members)) WHERE other IN (SELECT kommune FROM c)),
        own AS (SELECT \(key), num, den FROM c WHERE kommune = \(me)),
        peer AS (SELECT \(key), sum(num) AS num, sum(den) AS den FROM c WHERE kommune IN (SELECT other FROM others) GROUP BY \(key)),
        g AS (
          SELECT keys.ki, keys.\(key), own.num AS onum, own.den AS oden, peer.num AS pnum, peer.den AS pden
          FROM keys LEFT JOIN own ON own.\(key) IS NOT DISTINCT FROM keys.\(key)
          LEFT JOIN peer ON peer.\(key) IS NOT DISTINCT FROM keys.\(key)),
        t AS (
          SELECT COALESCE(sum(oden), 0) AS otot, COALESCE(sum(pden), 0) AS ptot,
            COALESCE(sum(onum), 0) AS onumt, COALESCE(sum(pnum), 0) AS pnumt FROM g),
        parts AS (
          SELECT g.*, t.*,
            CASE WHEN otot > 0 THEN COALESCE(oden, 0) / otot ELSE 0 END AS p,
            CASE WHEN ptot > 0 THEN COALESCE(pden, 0) / ptot ELSE 0 END AS bp,
            CASE WHEN oden > 0 THEN \(scale) * onum / oden END AS r,
            CASE WHEN pden > 0 THEN \(scale) * pnum / pden END AS br
          FROM g CROSS JOIN t),
        rows AS (
          SELECT ki, \(category) AS cat, 100 * p AS share, r AS rate,
            100 * bp AS peer_share, br AS peer_rate, (p - bp) * COALESCE(br, r, 0) AS composition,
            p * (COALESCE(r, br, 0) - COALESCE(br, r, 0)) AS rate_part
          FROM parts)
      SELECT ki AS \(id("__ord")), cat AS \(key), CAST(share AS DOUBLE) AS \(id("share")), rate AS \(id("rate")),
        CAST(peer_share AS DOUBLE) AS \(id("peer_share")), peer_rate AS \(id("peer_rate")),
        CAST(composition AS DOUBLE) AS \(id("composition")), CAST(rate_part AS DOUBLE) AS \(id("rate_part"))
      FROM rows
      UNION ALL
      SELECT (SELECT count(*) FROM keys) + 1, \(totalLabel), CAST(100 AS DOUBLE),
        (SELECT CASE WHEN otot > 0 THEN \(scale) * onumt / otot END FROM t), CAST(100 AS DOUBLE),
        (SELECT CASE WHEN ptot > 0 THEN \(scale) * pnumt / ptot END FROM t),
        CAST(sum(composition) AS DOUBLE), CAST(sum(rate_part) AS DOUBLE)
      FROM rows
      """
  }
}
