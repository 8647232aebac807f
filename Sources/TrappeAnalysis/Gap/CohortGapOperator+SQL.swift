import TrappeQuery
import TrappeStorage

extension CohortGapOperator {
  /// `gap … cohort` in SQL, step for step as ``run(_:notes:)``: the start week (as written, else the
  /// effort's first week or the data's first week, whichever is later), the cohort (the first
  /// spell in row order with a cohort status covering it), each cohort spell clipped to the start
  /// week … cut-off (a NULL `slut_uge` runs past every cut-off), the counts per municipality and
  /// cut-off, and per target the value, gap, met, short and, by runde, the pace per month since the
  /// last cut-off with a value. Cut-offs and targets are constants from `runder` and `maal`, read
  /// when the command was bound; notes and the errors (a start outside the data, a missing
  /// municipality) are not reproduced.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    if intervals { throw .intervalsNotCompiled(summary, columns: "value_lo and value_hi are") }
    func id(_ name: String) -> String { dialect.identifier(name) }
    func week(_ period: Period?) -> String {
      dialect.literal(period.map(Value.period) ?? .null, type: .period, unit: .week)
    }
    func number(_ value: Double) -> String { "CAST(\(value.description) AS DOUBLE)" }
    func list(_ names: [String]) -> String { "(" + names.map(dialect.string).joined(separator: ", ") + ")" }
    let source = input.name
    let open = "DATE '9999-12-27'"
    let startSQL: String
    if let start {
      startSQL = week(start)
    } else if let effort = targets.compactMap(\.effortStart).min() {
      let effortWeek = week(CohortDefinition.firstWeek(of: effort))
      startSQL = "CASE WHEN \(effortWeek) >= first_w THEN \(effortWeek) ELSE first_w END"
    } else {
      startSQL = "first_w"
    }
    let cuts = self.cutOffs
    let cutRows = cuts.enumerated().map { index, cut in
      "(\(index), \(cut.round.map { "CAST(\($0) AS BIGINT)" } ?? "CAST(NULL AS BIGINT)"), \(week(cut.week)), "
        + "CAST(\(cut.dataTil.ordinal) AS BIGINT))"
    }
    var targetRows: [String] = []
    for (index, target) in targets.enumerated() {
      let tolerance = 1e-9 * Swift.max(1, abs(target.threshold))
      let bound: Double
      switch target.comparison {
      case .atLeast, .below: bound = target.threshold - tolerance
      case .above, .atMost: bound = target.threshold + tolerance
      }
      let strict = target.comparison == .above || target.comparison == .below
      let own = target.targetMonth.flatMap { month in cuts.firstIndex { $0.dataTil == month } } ?? -1
      targetRows.append(
        "(\(index), \(dialect.string(target.id)), \(number(target.threshold)), \(number(target.comparison.direction)), "
          + "\(dialect.string(target.comparison.rawValue)), \(number(bound)), \(strict), \(week(target.targetWeek)), \(own))")
    }
    let chosen = municipalities.sqlChosen(from: source, dialect: dialect)
    let byRound = rounds != nil
    let selfList = list(CohortDefinition.selfSupporting)
    let rounded = { (x: String) in "(round((\(x)) * 100) / 100 + 0.0)" }
    let pick = { (counts: (String, String, String)) in
      "CASE t.maal WHEN 'i_gang' THEN \(counts.0) WHEN 'selvforsoergende' THEN \(counts.1) ELSE \(counts.2) END"
    }
    let paceColumns =
      byRound
      ? """
        ,
            CASE WHEN prev_v IS NOT NULL AND months > 0 THEN \(rounded("(v - prev_v) / months")) END AS \(id("pace_pp_month")),
            CASE WHEN v IS NULL THEN NULL WHEN met THEN CAST(0 AS BIGINT)
              WHEN prev_v IS NULL OR months <= 0 OR abs(progress) < 1e-9 OR progress < 0 THEN NULL
              ELSE CAST(least(greatest(1, ceil(remaining / progress - 1e-9)), 9e15) AS BIGINT) END AS \(id("months_to_target")),
            CASE WHEN v IS NULL THEN NULL WHEN met THEN 'met' WHEN prev_v IS NULL OR months <= 0 THEN NULL
              WHEN abs(progress) < 1e-9 THEN 'flat' WHEN progress < 0 THEN 'moving away' ELSE 'approaching' END AS \(id("trend")),
            CASE WHEN target_week IS NULL THEN NULL ELSE cut > target_week END AS \(id("after_target"))
        """ : ""
    return """
      WITH
        spells AS (
          SELECT \(id("__ord")) AS o, \(id("person")) AS person, \(id("kommune")) AS kommune, \(id("status")) AS status,
            \(id("start_uge")) AS s, COALESCE(\(id("slut_uge")), \(open)) AS e
          FROM \(source) WHERE \(id("start_uge")) IS NOT NULL AND \(id("status")) IS NOT NULL),
        bounds AS (
          SELECT min(\(id("start_uge"))) AS first_w, greatest(max(\(id("start_uge"))), max(\(id("slut_uge")))) AS last_w
          FROM \(source)),
        st AS (SELECT \(startSQL) AS w, last_w FROM bounds),
        chosen AS (\(chosen)),
        cohort AS (
          SELECT person, kommune FROM (
            SELECT sp.person, sp.kommune, row_number() OVER (PARTITION BY sp.person ORDER BY sp.o) AS rn
            FROM spells AS sp, st
            WHERE sp.status IN \(list(CohortDefinition.cohortStatuses)) AND sp.kommune IS NOT NULL AND sp.s <= st.w AND st.w <= sp.e)
          WHERE rn = 1 AND kommune IN (SELECT kommune FROM chosen)),
        cuts AS (SELECT * FROM (VALUES \(cutRows.joined(separator: ", "))) AS c(ci, runde, cut, mo)),
        targets AS (SELECT * FROM (VALUES \(targetRows.joined(separator: ", "))) AS t(ti, maal, threshold, direction, comparison, bound, strict, target_week, own)),
        clipped AS (
          SELECT c.kommune, sp.person, sp.status, cuts.ci,
            CAST((least(sp.e, cuts.cut) - greatest(sp.s, st.w)) // 7 + 1 AS BIGINT) AS weeks
          FROM spells AS sp JOIN cohort AS c ON c.person = sp.person CROSS JOIN cuts CROSS JOIN st
          WHERE sp.e >= st.w AND greatest(sp.s, st.w) <= cuts.cut),
        first_self AS (
          SELECT sp.person, min(greatest(sp.s, st.w)) AS fs
          FROM spells AS sp JOIN cohort AS c ON c.person = sp.person CROSS JOIN st
          WHERE sp.status IN \(selfList) AND sp.e >= st.w GROUP BY sp.person),
        people AS (
          SELECT c.kommune, cuts.ci, CAST(count(*) AS BIGINT) AS persons,
            CAST(count(*) FILTER (WHERE f.fs <= cuts.cut) AS BIGINT) AS started
          FROM cohort AS c LEFT JOIN first_self AS f ON f.person = c.person CROSS JOIN cuts GROUP BY ALL),
        weeks AS (
          SELECT kommune, ci, CAST(sum(weeks) AS BIGINT) AS weeks,
            CAST(COALESCE(sum(weeks) FILTER (WHERE status IN \(selfList)), 0) AS BIGINT) AS self_weeks,
            CAST(COALESCE(sum(weeks) FILTER (WHERE status = \(dialect.string(CohortDefinition.activation))), 0) AS BIGINT) AS akt_weeks,
            CAST(COALESCE(sum(weeks) FILTER (WHERE status IN \(list(CohortDefinition.onSupport))), 0) AS BIGINT) AS support_weeks
          FROM clipped GROUP BY ALL),
        cells AS (
          SELECT ch.mi, ch.kommune, cuts.ci, cuts.runde, cuts.cut, cuts.mo, t.*,
            CASE WHEN cuts.cut >= st.w AND cuts.cut <= st.last_w THEN
              \(pick(("COALESCE(p.started, 0)", "COALESCE(w.self_weeks, 0)", "COALESCE(w.akt_weeks, 0)"))) END AS num,
            CASE WHEN cuts.cut >= st.w AND cuts.cut <= st.last_w THEN
              \(pick(("COALESCE(p.persons, 0)", "COALESCE(w.weeks, 0)", "COALESCE(w.support_weeks, 0)"))) END AS den
          FROM chosen AS ch CROSS JOIN cuts CROSS JOIN targets AS t CROSS JOIN st
          LEFT JOIN people AS p ON p.kommune = ch.kommune AND p.ci = cuts.ci
          LEFT JOIN weeks AS w ON w.kommune = ch.kommune AND w.ci = cuts.ci
          WHERE \(byRound ? "TRUE" : "t.own = cuts.ci")),
        valued AS (
          SELECT *, CASE WHEN den > 0 THEN CAST(100 AS DOUBLE) * CAST(num AS DOUBLE) / CAST(den AS DOUBLE) END AS v FROM cells),
        judged AS (
          SELECT *,
            CASE WHEN v IS NULL THEN NULL
              WHEN comparison IN ('>=', '>') THEN (CASE WHEN comparison = '>=' THEN v >= bound ELSE v > bound END)
              ELSE (CASE WHEN comparison = '<=' THEN v <= bound ELSE v < bound END) END AS met,
            direction * (threshold * den / 100 - num) AS distance,
            last_value(v IGNORE NULLS) OVER w AS prev_v,
            last_value(CASE WHEN v IS NOT NULL THEN mo END IGNORE NULLS) OVER w AS prev_mo
          FROM valued
          WINDOW w AS (PARTITION BY mi, ti ORDER BY ci ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)),
        measured AS (
          SELECT *, CAST(mo - prev_mo AS DOUBLE) AS months,
            direction * (v - prev_v) / CAST(mo - prev_mo AS DOUBLE) AS progress, direction * (threshold - v) AS remaining
          FROM judged)
      SELECT row_number() OVER (ORDER BY mi, ci, ti) AS \(id("__ord")), kommune AS \(id("kommune")),\(byRound ? " runde AS \(id("runde"))," : "")
        maal AS \(id("maal")), cut AS \(id("cut_off")), num AS \(id("numerator")), den AS \(id("denominator")),
        \(rounded("v")) AS \(id("value")), threshold AS \(id("threshold")),
        CASE WHEN v IS NOT NULL THEN \(rounded("v - threshold")) END AS \(id("gap_pp")), met AS \(id("met")),
        CASE WHEN v IS NULL THEN NULL WHEN met THEN CAST(0 AS BIGINT)
          ELSE CAST(greatest(0, least(CASE WHEN strict THEN floor(distance + 1e-9) + 1 ELSE ceil(distance - 1e-9) END, 9e15)) AS BIGINT)
          END AS \(id("short"))\(paceColumns)
      FROM measured
      """
  }
}
