import TrappeQuery
import TrappeStorage

extension SurvivalAnalysis {
  /// `survival` in SQL, step for step as ``run(_:notes:)`` and ``KaplanMeier``: durations
  /// `slut_uge − start_uge + 1` weeks (censored at the last observed week when `slut_uge` is
  /// NULL; spells ending before they start left out), exits and censorings per duration, at risk
  /// = spells lasting at least d weeks, S(t) the product of (1 − exits/at risk) in duration order
  /// (NULL after a group's longest spell when that was censored, else 0), rounded to 0.1 %;
  /// its 95 % interval from the Greenwood sum V = Σ e/(n(n − e)) (0 where n = e) on the
  /// log(−log) scale, as ``SurvivalEstimate`` (not rounded). The medians' intervals and the
  /// log-rank test in the footer are not compiled to SQL.
  /// Groups in the `by` column's sort order, then the reporting weeks.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    if byDestination {
      throw SQLError(
        "\(summary): the Aalen–Johansen cumulative incidence per destination is not compiled to SQL",
        hints: [
          "explain sql covers survival without 'by destination'",
          "the incidences are checked against lifelines in Tests/analyses/check_survival_lifelines.py",
        ])
    }
    func id(_ name: String) -> String { dialect.identifier(name) }
    let start = id("start_uge")
    let end = id("slut_uge")
    let statusList = statuses.map(dialect.string).joined(separator: ", ")
    let group = by.map { id($0.name) } ?? "NULL"
    var groupOrder = ["1"]
    if let by {
      groupOrder = (by.type == .string ? dialect.collationKeys("g") : ["g"]).map { "\($0) ASC \(dialect.nullsLast)" }
    }
    let weeks: String
    if let step {
      weeks =
        "SELECT row_number() OVER (ORDER BY w) AS wi, w, w - \(step) AS prev FROM "
        + "(SELECT unnest(range(\(step), greatest(\(step), (SELECT max(longest) FROM groups)) + 1, \(step))) AS w)"
    } else {
      let rows = zip(Self.defaultWeeks, [0] + Self.defaultWeeks).enumerated().map {
        "(\($0.offset), \($0.element.0), \($0.element.1))"
      }
      weeks = "SELECT * FROM (VALUES \(rows.joined(separator: ", "))) AS w(wi, w, prev)"
    }
    // The log(−log) Greenwood band: exp(−exp(log(−log s) ∓ z·√v/log s)), 1 at s = 1, 0 at s = 0.
    func band(_ sign: String) -> String {
      "CASE WHEN w > longest AND s > 0 THEN NULL WHEN s >= 1 THEN CAST(100 AS DOUBLE) WHEN s <= 0 THEN CAST(0 AS DOUBLE) "
        + "ELSE 100 * exp(-exp(ln(-ln(s)) \(sign == "-" ? "+" : "-") \(SurvivalEstimate.z) * sqrt(v) / (-ln(s)))) END"
    }
    let duration = dialect.periods(from: start, to: "COALESCE(\(end), obs.last)", unit: .week)
    return """
      WITH /* not compiled: the footer's medians with their 95 % intervals and the log-rank test */
        obs AS (SELECT greatest(max(\(start)), max(\(end))) AS last FROM \(input.name)),
        spells AS (
          SELECT \(group) AS g, \(end) IS NULL AS open, \(duration) + 1 AS d
          FROM \(input.name) CROSS JOIN obs
          WHERE \(start) IS NOT NULL AND \(id("status")) IS NOT NULL AND \(id("status")) IN (\(statusList))),
        counts AS (
          SELECT g, d, count(*) FILTER (WHERE NOT open) AS e, count(*) FILTER (WHERE open) AS c
          FROM spells WHERE d >= 1 GROUP BY g, d),
        curve AS (SELECT *, sum(e + c) OVER (PARTITION BY g ORDER BY d DESC) AS n FROM counts),
        groups AS (SELECT g, max(d) AS longest FROM counts GROUP BY g),
        ordered AS (SELECT g, longest, row_number() OVER (ORDER BY \(groupOrder.joined(separator: ", "))) AS gi FROM groups),
        weeks AS (\(weeks)),
        cells AS (
          SELECT o.gi, o.g, o.longest, w.wi, w.w, w.prev,
            (SELECT COALESCE(sum(e + c), 0) FROM counts WHERE counts.g IS NOT DISTINCT FROM o.g AND d >= w.prev + 1) AS at_risk,
            (SELECT COALESCE(sum(e), 0) FROM counts WHERE counts.g IS NOT DISTINCT FROM o.g AND d > w.prev AND d <= w.w) AS events,
            COALESCE((SELECT product(1 - CAST(e AS DOUBLE) / CAST(n AS DOUBLE) ORDER BY d) FROM curve
              WHERE curve.g IS NOT DISTINCT FROM o.g AND d <= least(w.w, o.longest)), 1) AS s,
            COALESCE((SELECT sum(CASE WHEN n > e AND e > 0 THEN CAST(e AS DOUBLE) / (CAST(n AS DOUBLE) * CAST(n - e AS DOUBLE)) ELSE 0 END)
              FROM curve WHERE curve.g IS NOT DISTINCT FROM o.g AND d <= least(w.w, o.longest)), 0) AS v
          FROM ordered AS o CROSS JOIN weeks AS w)
      SELECT row_number() OVER (ORDER BY gi, wi) AS \(id("__ord")), \(by.map { "g AS \(id($0.name)), " } ?? "")
        CAST(w AS BIGINT) AS \(id("week")), CAST(at_risk AS BIGINT) AS \(id("at_risk")), CAST(events AS BIGINT) AS \(id("events")),
        CASE WHEN w <= longest THEN round(s * 1000) / 10 WHEN s > 0 THEN NULL ELSE CAST(0 AS DOUBLE) END AS \(id("still_on_pct")),
        \(band("-")) AS \(id("still_on_lo")), \(band("+")) AS \(id("still_on_hi"))
      FROM cells
      """
  }
}
