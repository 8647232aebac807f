import TrappeQuery
import TrappeStorage

extension GapOperator {
  /// `gap` in SQL, step for step as ``run(_:notes:)``: per municipality (in the run's order), period
  /// (sorted) and target (in order) the value of the target's measure (rounded to two decimals
  /// for display, compared exactly with the threshold's tolerance), the gap, whether it is met, the
  /// shortfall rounded up and, with `by`, the pace since the last period with a value. The
  /// targets (from `maal`, read when the command is bound) are constants; notes and the errors
  /// for a missing municipality are not reproduced.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    if intervals { throw .intervalsNotCompiled(summary, columns: "value_lo and value_hi are") }
    func id(_ name: String) -> String { dialect.identifier(name) }
    func number(_ value: Double) -> String { "CAST(\(value.description) AS DOUBLE)" }
    let keyName = period?.name
    let key = keyName.map(id)
    var totals: [String] = []
    for (index, target) in targets.enumerated() {
      let query = try target.measure.sqlTotals(
        input: input, by: ["kommune"] + (keyName.map { [$0] } ?? []), dialect: dialect, prefix: "g\(index)_")
      totals.append(
        "SELECT \(index) AS ti, \(id("kommune")) AS kommune\(key.map { ", \($0) AS k" } ?? ""), "
          + "\(id("numerator")) AS num, \(id("denominator")) AS den FROM (\(query))")
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
      targetRows.append(
        "(\(index), \(dialect.string(target.id)), \(number(target.threshold)), \(number(target.comparison.direction)), "
          + "\(dialect.string(target.comparison.rawValue)), \(number(bound)), \(strict), \(number(target.measure.scale)))"
      )
    }
    let chosen = municipalities.sqlChosen(from: input.name, dialect: dialect)
    let periods: String
    var steps = "pi - prev_pi"
    if let period, let key {
      let order: String
      switch period.type {
      case .int64, .double, .period: order = "k"
      case .string, .bool: order = "CAST(k AS VARCHAR)"
      }
      periods =
        "SELECT k, row_number() OVER (ORDER BY \(order)) AS pi FROM (SELECT DISTINCT \(key) AS k FROM \(input.name) "
        + "WHERE \(key) IS NOT NULL)"
      if period.type == .int64 { steps = "CAST(k - prev_k AS DOUBLE)" }
      if period.type == .period, let unit = period.unit {
        steps = "CAST(\(dialect.periods(from: "prev_k", to: "k", unit: unit)) AS DOUBLE)"
      }
    } else {
      periods = "SELECT NULL AS k, 1 AS pi"
    }
    let rounded = { (x: String) in "(round((\(x)) * 100) / 100 + 0.0)" }
    var paceColumns = ""
    if keyName != nil {
      paceColumns = """
        ,
            CASE WHEN met THEN CAST(0 AS BIGINT)
              WHEN steps IS NULL OR steps <= 0 OR abs(progress) < 1e-9 OR progress < 0 THEN NULL
              ELSE CAST(least(greatest(1, ceil(remaining / progress - 1e-9)), 9e15) AS BIGINT) END AS \(id("rounds_to_target")),
            CASE WHEN met THEN 'met' WHEN steps IS NULL OR steps <= 0 THEN NULL WHEN abs(progress) < 1e-9 THEN 'flat'
              WHEN progress < 0 THEN 'moving away' ELSE 'approaching' END AS \(id("trend"))
        """
    }
    return """
      WITH
        totals AS (\(totals.joined(separator: " UNION ALL "))),
        targets AS (SELECT * FROM (VALUES \(targetRows.joined(separator: ", "))) AS t(ti, maal, threshold, direction, comparison, bound, strict, scale)),
        chosen AS (\(chosen)),
        periods AS (\(periods)),
        cells AS (
          SELECT c.mi, c.kommune, p.pi, p.k, t.*, s.num, s.den,
            CASE WHEN s.num IS NOT NULL AND s.den IS NOT NULL AND s.den <> 0 AND t.scale <> 0
              THEN t.scale * s.num / s.den END AS v
          FROM chosen AS c CROSS JOIN periods AS p CROSS JOIN targets AS t
          LEFT JOIN totals AS s ON s.ti = t.ti AND s.kommune = c.kommune\(keyName == nil ? "" : " AND s.k = p.k")),
        judged AS (
          SELECT *,
            CASE WHEN v IS NULL THEN NULL
              WHEN comparison IN ('>=', '>') THEN (CASE WHEN comparison = '>=' THEN v >= bound ELSE v > bound END)
              ELSE (CASE WHEN comparison = '<=' THEN v <= bound ELSE v < bound END) END AS met,
            direction * (threshold * den / scale - num) AS distance,
            last_value(CASE WHEN v IS NOT NULL THEN v END IGNORE NULLS) OVER w AS prev_v,
            last_value(CASE WHEN v IS NOT NULL THEN pi END IGNORE NULLS) OVER w AS prev_pi,
            last_value(CASE WHEN v IS NOT NULL THEN k END IGNORE NULLS) OVER w AS prev_k
          FROM cells
          WINDOW w AS (PARTITION BY mi, ti ORDER BY pi ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)),
        paced AS (
          SELECT *, CASE WHEN prev_v IS NOT NULL THEN \(steps) END AS steps FROM judged),
        measured AS (
          SELECT *, direction * (v - prev_v) / steps AS progress, direction * (threshold - v) AS remaining FROM paced)
      SELECT row_number() OVER (ORDER BY mi, pi, ti) AS \(id("__ord")), kommune AS \(id("kommune"))\(key.map { ", k AS \($0)" } ?? ""),
        maal AS \(id("maal")), \(rounded("v")) AS \(id("value")), threshold AS \(id("threshold")),
        CASE WHEN v IS NOT NULL THEN \(rounded("v - threshold")) END AS \(id("gap_pp")), met AS \(id("met")),
        CASE WHEN v IS NULL THEN NULL WHEN met THEN CAST(0 AS BIGINT)
          ELSE CAST(greatest(0, least(CASE WHEN strict THEN floor(distance + 1e-9) + 1 ELSE ceil(distance - 1e-9) END, 9e15)) AS BIGINT)
          END AS \(id("short"))\(paceColumns)
      FROM measured
      """
  }
}
