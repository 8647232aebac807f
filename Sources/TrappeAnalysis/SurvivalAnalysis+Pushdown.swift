import TrappeBase
import TrappeQuery
import TrappeStorage

extension SurvivalAnalysis {
  /// The kinds of rows in the reduced table (column `k`).
  enum ReducedKind: Int64 {
    /// Rows of the input per (group, status), `n` of them: the groups and the statuses present.
    case present = 0
    /// `n` subjects ending in the event after `d` weeks.
    case exit = 1
    /// `n` subjects censored after `d` weeks.
    case censored = 2
    /// `n` subjects entering late, after `d` weeks (d > 0).
    case entered = 3
    /// `n` spells ending before they start (or whose true start is after their start).
    case invalid = 4
    /// `n` spells left out by `inflow`.
    case outsideInflow = 5
    /// `n` subjects running at the window's first week, counted from there (no true start).
    case stock = 6
  }

  /// `survival` on an engine: the engine turns the spells into subjects (duration, event, entry,
  /// as ``SurvivalSubjects``) and returns only their counts per group × status × duration × event,
  /// the late entries per duration, and the counts the footer needs; Trappe runs Kaplan–Meier,
  /// Greenwood, the medians with their intervals and the log-rank test on those counts with the
  /// code that runs on local tables. Covers `for`, no `for` (the one benefit, chosen locally from
  /// the counts per status), `inflow`, `entry`, `by COLUMN` and `weeks N`; `on support`, `until`,
  /// `first` and `by destination` need each person's spells in order, and are refused.
  func pushdown(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> SQLPushdown? {
    var refused: [String] = []
    if support { refused.append("on support (merging a person's consecutive spells)") }
    if !until.isEmpty { refused.append("until (the status of each spell's next spell)") }
    if firstOnly { refused.append("first (each person's first spell)") }
    if byDestination { refused.append("by destination (the status of each spell's next spell)") }
    if !refused.isEmpty {
      throw SQLError(
        "survival with " + refused.joined(separator: ", ")
          + " is not run on an engine: it needs each person's spells in order, not counts",
        hints: [
          "on an engine, survival runs with for STATUS, inflow FROM TO, entry COLUMN, by COLUMN and weeks N",
          "or reduce the spells first (where kommune == …) and run it on a local table",
        ])
    }
    let types = Dictionary(input.columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    guard let start = types["start_uge"], let end = types["slut_uge"], let status = types["status"],
      start.type == .period, end.type == .period, status.type == .string
    else { throw SQLError("the input needs the columns start_uge, slut_uge (weeks) and status (text)") }
    guard start.unit == .week, end.unit == .week else {
      throw SQLError("start_uge and slut_uge must be ISO weeks (like 2008W05)")
    }
    if let name = entryColumn {
      guard let column = types[name], column.type == .period, column.unit == .week else {
        throw SQLError("the true-start column '\(name)' must be ISO weeks (like 2006W40)")
      }
    }
    func id(_ name: String) -> String { dialect.identifier(name) }
    func week(_ sql: String) -> String { PushdownWeeks.ordinal(sql, dialect: dialect) }
    let group = by.map { id($0.name) } ?? "CAST(NULL AS BIGINT)"
    let statusColumn = id("status")
    let filter: String
    if chosen {
      filter = " AND \(statusColumn) IN (\(statuses.map(dialect.string).joined(separator: ", ")))"
    } else {
      filter = " AND \(statusColumn) IN (\(BenefitStatus.benefits.map(dialect.string).joined(separator: ", ")))"
    }
    let windowFirst = window.map { "CAST(\($0.first) AS BIGINT)" } ?? "obs.fw"
    let windowLast = window.map { "CAST(\($0.last) AS BIGINT)" } ?? "obs.lw"
    let trueStart = entryColumn.map { week(id($0)) } ?? "CAST(NULL AS BIGINT)"
    let outside = inflow.map { " WHEN ts < \($0.lowerBound) OR ts > \($0.upperBound) THEN 5" } ?? ""
    let stock =
      entryColumn == nil
      ? "\n    UNION ALL SELECT g, st, 6 AS k, 0 AS d, count(*) AS n FROM subjects WHERE kind = 0 AND s <= wf GROUP BY g, st"
      : ""
    let sql = """
      WITH
        obs AS (
          SELECT min(\(week(id("start_uge")))) AS fw,
            greatest(max(\(week(id("start_uge")))), max(\(week(id("slut_uge"))))) AS lw
          FROM \(input.name)),
        win AS (SELECT \(windowFirst) AS wf, \(windowLast) AS wl FROM obs),
        raw AS (
          SELECT \(group) AS g, \(statusColumn) AS st, \(week(id("start_uge"))) AS s, \(week(id("slut_uge"))) AS e,
            \(trueStart) AS t
          FROM \(input.name) WHERE \(id("start_uge")) IS NOT NULL AND \(statusColumn) IS NOT NULL\(filter)),
        timed AS (
          SELECT g, st, s, t, COALESCE(t, s) AS ts, (e IS NULL OR e > win.wl) AS open,
            CASE WHEN e IS NULL OR e > win.wl THEN win.wl ELSE e END AS lastw, win.wf AS wf
          FROM raw CROSS JOIN win),
        subjects AS (
          SELECT g, st, s, wf, lastw - ts + 1 AS d, s - ts AS en, NOT open AS ev,
            CASE WHEN t IS NOT NULL AND t > s THEN 4\(outside)
              WHEN lastw - ts + 1 < 1 OR s - ts >= lastw - ts + 1 THEN 4 ELSE 0 END AS kind
          FROM timed),
        counts AS (
          SELECT \(group) AS g, \(statusColumn) AS st, 0 AS k, 0 AS d, count(*) AS n FROM \(input.name) GROUP BY 1, 2
          UNION ALL SELECT g, st, CASE WHEN ev THEN 1 ELSE 2 END AS k, d, count(*) AS n FROM subjects WHERE kind = 0 GROUP BY g, st, ev, d
          UNION ALL SELECT g, st, 3 AS k, en AS d, count(*) AS n FROM subjects WHERE kind = 0 AND en > 0 GROUP BY g, st, en
          UNION ALL SELECT g, st, kind AS k, 0 AS d, count(*) AS n FROM subjects WHERE kind > 0 GROUP BY g, st, kind\(stock))
      SELECT counts.g AS \(id("g")), counts.st AS \(id("st")), CAST(counts.k AS BIGINT) AS \(id("k")),
        CAST(counts.d AS BIGINT) AS \(id("d")), CAST(counts.n AS BIGINT) AS \(id("n")),
        CAST(obs.fw AS BIGINT) AS \(id("fw")), CAST(obs.lw AS BIGINT) AS \(id("lw"))
      FROM counts CROSS JOIN obs
      """
    let columns = [
      by.map { PlanColumn(name: "g", type: $0.type, unit: $0.unit) } ?? PlanColumn(name: "g", type: .int64),
      PlanColumn(name: "st", type: .string), PlanColumn(name: "k", type: .int64), PlanColumn(name: "d", type: .int64),
      PlanColumn(name: "n", type: .int64), PlanColumn(name: "fw", type: .int64), PlanColumn(name: "lw", type: .int64),
    ]
    let analysis = self
    return SQLPushdown(
      sql: sql, columns: columns,
      localPart: "Kaplan–Meier, Greenwood intervals, medians and the log-rank test on the counts per duration",
      finish: { reduced, notes throws(Diagnostic) in try analysis.finish(reduced, notes: &notes) })
  }

  /// The output of ``run(_:notes:)`` from the engine's counts (see ``pushdown(input:dialect:)``).
  func finish(_ reduced: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard let groupColumn = reduced.column(named: "g") else { throw PushdownWeeks.missing("g") }
    guard case .int64(let kinds)? = reduced.column(named: "k"), case .int64(let ds)? = reduced.column(named: "d"),
      case .int64(let ns)? = reduced.column(named: "n"), case .string(let sts)? = reduced.column(named: "st")
    else { throw PushdownWeeks.missing("k, d, n or st") }
    guard reduced.rowCount > 0, let dataFirst = PushdownWeeks.int(reduced, "fw", 0),
      let dataLast = PushdownWeeks.int(reduced, "lw", 0)
    else {
      notes.append("survival: no spells in the input")
      return emptyResult(by: by.map { _ in groupColumn })
    }
    // The statuses present and their spell counts, in first-appearance order.
    var dictionary: [String] = []
    var spellCounts: [String: Int] = [:]
    for row in 0..<reduced.rowCount where kinds[row] == ReducedKind.present.rawValue {
      guard let status = sts[row] else { continue }
      if spellCounts[status] == nil { dictionary.append(status) }
      spellCounts[status, default: 0] += Int(ns[row] ?? 0)
    }
    let population = try population(statuses: dictionary) { dictionary.map { spellCounts[$0] ?? 0 } }
    let included = Set(population)
    let windowFirst = window?.first ?? Int32(dataFirst)
    let windowLast = window?.last ?? Int32(dataLast)

    let groups = by.map { _ in GroupIndex.build(keys: [groupColumn]) }
    let groupCount = groups?.groupCount ?? 1
    if groupCount > Self.groupLimit, let by {
      throw Diagnostic(
        .error, "survival by \(by.name) gives \(groupCount) groups; at most \(Self.groupLimit) are shown",
        hints: ["group by a column with fewer values, e.g. herkomst, kommune or aldersgruppe"])
    }
    // Per group: exits and censorings per duration, late entries per duration of entry.
    var exits = [[Int: Int]](repeating: [:], count: groupCount)
    var censored = [[Int: Int]](repeating: [:], count: groupCount)
    var entered = [[Int: Int]](repeating: [:], count: groupCount)
    var longest = [Int](repeating: 0, count: groupCount)
    var subjects = SurvivalSubjects()
    var delayed = 0
    for row in 0..<reduced.rowCount {
      guard let kind = kinds[row].flatMap(ReducedKind.init(rawValue:)), kind != .present,
        let status = sts[row], included.contains(status)
      else { continue }
      let group = groups.map { Int($0.groupOf[row]) } ?? 0
      let d = Int(ds[row] ?? 0)
      let n = Int(ns[row] ?? 0)
      switch kind {
      case .present: break
      case .exit:
        exits[group][d, default: 0] += n
        longest[group] = max(longest[group], d)
      case .censored:
        censored[group][d, default: 0] += n
        longest[group] = max(longest[group], d)
      case .entered:
        entered[group][d, default: 0] += n
        delayed += n
      case .invalid: subjects.invalid += n
      case .outsideInflow: subjects.outsideInflow += n
      case .stock: subjects.stockWithoutStart += n
      }
    }
    subjects.delayedCount = delayed

    var order = [Int32](0..<Int32(groupCount))
    var labels = [String](repeating: "", count: groupCount)
    if let groups, let by {
      let representatives = groupColumn.gather(groups.firstRow)
      order = SortKernel.permutation(keys: [representatives], descending: [false])
      for group in 0..<groupCount { labels[group] = "\(by.name)=\(representatives.value(at: group))" }
    }
    var longestOverall = 0
    var curves: [KaplanMeier] = []
    var estimates: [SurvivalEstimate] = []
    for group in 0..<groupCount {
      // As KaplanMeier(durations:events:entries:) and SurvivalEstimate(durations:causes:entries:) build them.
      let width = longest[group] + 1
      var exitCounts = [Int](repeating: 0, count: width)
      var censoredCounts = [Int](repeating: 0, count: width)
      var entryCounts = [Int](repeating: 0, count: width)
      for (d, n) in exits[group] { exitCounts[d] += n }
      for (d, n) in censored[group] { censoredCounts[d] += n }
      let total = exitCounts.reduce(0, +) + censoredCounts.reduce(0, +)
      var late = 0
      for (e, n) in entered[group] where e < width {
        entryCounts[e] += n
        late += n
      }
      entryCounts[0] += total - late
      let curve = KaplanMeier(exits: exitCounts[...], censored: censoredCounts[...], entered: entryCounts[...])
      longestOverall = max(longestOverall, curve.longest)
      curves.append(curve)
      estimates.append(
        SurvivalEstimate(
          exits: [(exitCounts + [0])[...]], censored: (censoredCounts + [0])[...], entries: (entryCounts + [0])[...]))
    }
    let weeks = step.map { Array(stride(from: $0, through: max($0, longestOverall), by: $0)) } ?? Self.defaultWeeks

    return output(
      curves: curves, estimates: estimates, order: order, labels: labels, weeks: weeks,
      firstRows: groups?.firstRow, groupColumn: groupColumn, unit: "spells", population: population, subjects: subjects,
      windowFirst: windowFirst, windowLast: windowLast,
      closingNote: PushdownWeeks.note(
        engine: "each spell's duration, event and entry, counted per group and week",
        local: "Kaplan–Meier, Greenwood intervals, medians, log-rank and this footer"),
      notes: &notes)
  }

  /// The output columns without rows, the `by` column typed as `group`.
  private func emptyResult(by group: Column?) -> Table {
    var named: [(String, Column)] = []
    if let by, let group { named.append((by.name, group.gather([]))) }
    named += [
      ("week", .int64(Int64Column([]))), ("at_risk", .int64(Int64Column([]))),
      ("events", .int64(Int64Column([]))), ("still_on_pct", .double(DoubleColumn([]))),
      ("still_on_lo", .double(DoubleColumn([]))), ("still_on_hi", .double(DoubleColumn([]))),
    ]
    return Table(named)
  }
}

extension SurvivalSubjects {
  /// No subjects yet: an engine's finish fills in the counts the footer reads.
  init() {}
}
