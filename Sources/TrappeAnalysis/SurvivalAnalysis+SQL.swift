import TrappeQuery
import TrappeStorage

extension SurvivalAnalysis {
  /// `survival` in SQL, step for step as ``run(_:notes:)``, ``SurvivalSubjects`` and ``KaplanMeier``:
  /// durations from the true start (the true-start column when given and not after `start_uge`,
  /// else `start_uge`) to `slut_uge` + 1 weeks; a spell still running (NULL `slut_uge`, or ending
  /// after the window) is censored at the observation window's last week (the manifest's, else the
  /// last week in the input); entry = `start_uge` − true start; `inflow` keeps true starts in its
  /// weeks; spells ending before they start are left out. At risk in week t = spells with
  /// entry < t ≤ duration; S(t) the product of (1 − exits/at risk) over exit durations, NULL after
  /// a group's longest spell when that was censored (else 0), rounded to 0.1 %. Groups in the `by`
  /// column's sort order, then the reporting weeks.
  ///
  /// Each row's 95 % interval comes from the Greenwood sum V = Σ e/(n(n − e)) (0 where n = e) on
  /// the log(−log) scale, as ``SurvivalEstimate`` (not rounded). The medians' intervals and the
  /// log-rank test in the footer, and `by destination`, are not compiled to SQL.
  ///
  /// Not compiled (an error says so): `on support` (merging a person's consecutive spells),
  /// `until` (the next spell's status), `first` and `survival` without `for` (the population is
  /// chosen from the data).
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    if byDestination {
      throw SQLError(
        "\(summary): the Aalen–Johansen cumulative incidence per destination is not compiled to SQL",
        hints: [
          "explain sql covers survival without 'by destination'",
          "the incidences are checked against lifelines in Tests/analyses/check_survival_lifelines.py",
        ])
    }
    var missing: [String] = []
    if !chosen, !support { missing.append("survival without 'for' (the benefit is chosen from the data)") }
    if support { missing.append("on support (merging consecutive spells)") }
    if !until.isEmpty { missing.append("until (the status of the next spell)") }
    if firstOnly { missing.append("first (each person's first spell)") }
    if !missing.isEmpty {
      throw SQLError(
        "survival is not compiled to SQL with " + missing.joined(separator: ", "),
        hints: ["explain sql compiles survival for STATUS [inflow FROM TO] [entry COLUMN] [by COLUMN] [weeks N]"])
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
    func week(_ ordinal: Int32) -> String {
      dialect.literal(.period(Period(unit: .week, ordinal: ordinal)), type: .period, unit: .week)
    }
    let obs =
      window.map { "SELECT \(week($0.last)) AS last" }
      ?? "SELECT greatest(max(\(start)), max(\(end))) AS last FROM \(input.name)"
    let trueStart = entryColumn.map { column in
      "CASE WHEN \(id(column)) IS NOT NULL THEN \(id(column)) ELSE \(start) END"
    } ?? start
    let open = "(\(end) IS NULL OR \(end) > obs.last)"
    let lastWeek = "CASE WHEN \(open) THEN obs.last ELSE \(end) END"
    // The log(−log) Greenwood band: exp(−exp(log(−log s) ∓ z·√v/log s)), 1 at s = 1, 0 at s = 0.
    func band(_ sign: String) -> String {
      "CASE WHEN w > longest AND s > 0 THEN NULL WHEN s >= 1 THEN CAST(100 AS DOUBLE) WHEN s <= 0 THEN CAST(0 AS DOUBLE) "
        + "ELSE 100 * exp(-exp(ln(-ln(s)) \(sign == "-" ? "+" : "-") \(SurvivalEstimate.z) * sqrt(v) / (-ln(s)))) END"
    }
    let inflowCondition = inflow.map { " AND ts BETWEEN \(week($0.lowerBound)) AND \(week($0.upperBound))" } ?? ""
    return """
      WITH /* not compiled: the footer's medians with their 95 % intervals and the log-rank test */
        obs AS (\(obs)),
        raw AS (
          SELECT \(group) AS g, \(open) AS open, \(start) AS s, \(trueStart) AS ts, \(lastWeek) AS lw
          FROM \(input.name) CROSS JOIN obs
          WHERE \(start) IS NOT NULL AND \(id("status")) IS NOT NULL AND \(id("status")) IN (\(statusList))),
        spells AS (
          SELECT g, open, \(dialect.periods(from: "ts", to: "lw", unit: .week)) + 1 AS d,
            \(dialect.periods(from: "ts", to: "s", unit: .week)) AS en
          FROM raw WHERE ts <= s\(inflowCondition)),
        valid AS (SELECT * FROM spells WHERE d >= 1 AND en < d),
        counts AS (
          SELECT g, d, count(*) FILTER (WHERE NOT open) AS e, count(*) FILTER (WHERE open) AS c
          FROM valid GROUP BY g, d),
        curve AS (
          SELECT counts.g, counts.d, counts.e,
            (SELECT count(*) FROM valid WHERE valid.g IS NOT DISTINCT FROM counts.g AND valid.en < counts.d
               AND valid.d >= counts.d) AS n
          FROM counts),
        groups AS (SELECT g, max(d) AS longest FROM counts GROUP BY g),
        ordered AS (SELECT g, longest, row_number() OVER (ORDER BY \(groupOrder.joined(separator: ", "))) AS gi FROM groups),
        weeks AS (\(weeks)),
        cells AS (
          SELECT o.gi, o.g, o.longest, w.wi, w.w, w.prev,
            (SELECT count(*) FROM valid WHERE valid.g IS NOT DISTINCT FROM o.g AND valid.en <= w.prev AND valid.d >= w.prev + 1) AS at_risk,
            (SELECT COALESCE(sum(e), 0) FROM counts WHERE counts.g IS NOT DISTINCT FROM o.g AND d > w.prev AND d <= w.w) AS events,
            COALESCE((SELECT product(1 - CAST(e AS DOUBLE) / CAST(n AS DOUBLE) ORDER BY d) FROM curve
              WHERE curve.g IS NOT DISTINCT FROM o.g AND d <= least(w.w, o.longest) AND n > 0), 1) AS s,
            COALESCE((SELECT sum(CASE WHEN n > e AND e > 0 THEN CAST(e AS DOUBLE) / (CAST(n AS DOUBLE) * CAST(n - e AS DOUBLE)) ELSE 0 END)
              FROM curve WHERE curve.g IS NOT DISTINCT FROM o.g AND d <= least(w.w, o.longest) AND n > 0), 0) AS v
          FROM ordered AS o CROSS JOIN weeks AS w)
      SELECT row_number() OVER (ORDER BY gi, wi) AS \(id("__ord")), \(by.map { "g AS \(id($0.name)), " } ?? "")
        CAST(w AS BIGINT) AS \(id("week")), CAST(at_risk AS BIGINT) AS \(id("at_risk")), CAST(events AS BIGINT) AS \(id("events")),
        CASE WHEN w <= longest THEN round(s * 1000) / 10 WHEN s > 0 THEN NULL ELSE CAST(0 AS DOUBLE) END AS \(id("still_on_pct")),
        \(band("-")) AS \(id("still_on_lo")), \(band("+")) AS \(id("still_on_hi"))
      FROM cells
      """
  }
}
