import TrappeBase
import TrappeQuery
import TrappeStorage

extension FlowAnalysis {
  /// `flow` on an engine: the engine finds each person's status at both points in one pass
  /// grouped by person (as ``run(_:notes:)``: the last covering spell in row order) and returns
  /// the persons per (by, from, to) with the first and last observed week and the number of
  /// persons in the input; Trappe computes row_pct, the order and the footer from those counts.
  /// An engine table has no row order (its `__ord` is constant), so there a person's overlapping
  /// spells (none in DREAM-style data, where a person's spells never overlap) pick one arbitrarily.
  func pushdown(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> SQLPushdown? {
    let names = Set(input.columns.map(\.name))
    guard ["start_uge", "slut_uge", "status"].allSatisfy(names.contains) else {
      throw SQLError("the input needs the columns start_uge, slut_uge (weeks) and status (text)")
    }
    guard names.contains("person") else { throw SQLError("flow found no spells in its input") }
    func id(_ name: String) -> String { dialect.identifier(name) }
    let ord = id("__ord")
    let person = id("person")
    let start = id("start_uge")
    let end = id("slut_uge")
    let a = dialect.literal(.period(from.week), type: .period, unit: .week)
    let b = dialect.literal(.period(to.week), type: .period, unit: .week)
    let missing = dialect.string(BenefitStatus.notInData)
    let byItem = by.map { ", \(id($0.name)) AS g" } ?? ""
    let covers = { (week: String) in "st IS NOT NULL AND \(start) <= \(week) AND \(week) <= e" }
    let week = { (sql: String) in PushdownWeeks.ordinal(sql, dialect: dialect) }
    let argMax = dialect.functionName(.argMax)
    let argMin = dialect.functionName(.argMin)
    // Per person in one pass over every row (no join back on __ord, which an engine table leaves
    // constant; the groups also count the persons, a NULL person being one, as locally): the
    // status of the last spell in row order covering each week, and the `by` value of the last
    // spell covering the first week, else of the first covering the second. arg_max may skip a
    // NULL value, so whether that spell's value is NULL is taken alongside.
    let groupItems =
      by == nil
      ? ""
      : """
        ,
            \(argMax)(g, \(ord)) FILTER (WHERE \(covers(a))) AS ga, \(argMax)(g IS NULL, \(ord)) FILTER (WHERE \(covers(a))) AS ga_null,
            \(argMin)(g, \(ord)) FILTER (WHERE \(covers(b))) AS gb, \(argMin)(g IS NULL, \(ord)) FILTER (WHERE \(covers(b))) AS gb_null
        """
    let groupOf =
      by.map {
        ", CASE WHEN fa IS NOT NULL THEN (CASE WHEN ga_null THEN NULL ELSE ga END) "
          + "WHEN gb_null THEN NULL ELSE gb END AS \(id($0.name))"
      } ?? ""
    let sql = """
      WITH
        spells AS (
          SELECT \(ord), \(person), \(id("status")) AS st, \(start),
            COALESCE(\(end), (SELECT greatest(max(\(start)), max(\(end))) FROM \(input.name))) AS e\(byItem)
          FROM \(input.name)),
        cover AS (
          SELECT \(argMax)(st, \(ord)) FILTER (WHERE \(covers(a))) AS fa, \(argMax)(st, \(ord)) FILTER (WHERE \(covers(b))) AS fb\(groupItems)
          FROM spells GROUP BY \(person)),
        people AS (
          SELECT COALESCE(fa, \(missing)) AS \(id("from_status")), COALESCE(fb, \(missing)) AS \(id("to_status"))\(groupOf)
          FROM cover WHERE fa IS NOT NULL OR fb IS NOT NULL),
        counted AS (
          SELECT \(by.map { id($0.name) + ", " } ?? "")\(id("from_status")), \(id("to_status")), CAST(count(*) AS BIGINT) AS \(id("persons"))
          FROM people GROUP BY \(by.map { id($0.name) + ", " } ?? "")\(id("from_status")), \(id("to_status"))),
        meta AS (
          SELECT min(\(week(start))) AS first_week, greatest(max(\(week(start))), max(\(week(end)))) AS last_week,
            (SELECT CAST(count(*) AS BIGINT) FROM cover) AS all_persons
          FROM \(input.name))
      SELECT \(by.map { "counted." + id($0.name) + ", " } ?? "")counted.\(id("from_status")), counted.\(id("to_status")),
        counted.\(id("persons")), meta.first_week, meta.last_week, meta.all_persons
      FROM meta LEFT JOIN counted ON TRUE
      """
    let columns =
      (by.map { [$0] } ?? []) + [
        PlanColumn(name: "from_status", type: .string), PlanColumn(name: "to_status", type: .string),
        PlanColumn(name: "persons", type: .int64), PlanColumn(name: "first_week", type: .int64),
        PlanColumn(name: "last_week", type: .int64), PlanColumn(name: "all_persons", type: .int64),
      ]
    let analysis = self
    return SQLPushdown(
      sql: sql, columns: columns,
      localPart: "row_pct, the order and the footer from the persons per (from, to)",
      finish: { reduced, notes throws(Diagnostic) in try analysis.finish(reduced, notes: &notes) })
  }

  /// The output of ``run(_:notes:)`` from the engine's counts.
  func finish(_ reduced: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard reduced.rowCount > 0, let firstWeek = PushdownWeeks.int(reduced, "first_week", 0),
      let lastWeek = PushdownWeeks.int(reduced, "last_week", 0)
    else { throw Diagnostic(.error, "flow found no spells in its input") }
    let coverage = "\(Period(unit: .week, ordinal: Int32(firstWeek)))–\(Period(unit: .week, ordinal: Int32(lastWeek)))"
    for point in [from, to] where Int64(point.week.ordinal) < firstWeek || Int64(point.week.ordinal) > lastWeek {
      throw Diagnostic(
        .error, "\(point.text) is outside the data: the spells cover \(coverage)",
        hints: ["choose a round, week or month within \(coverage)"])
    }
    guard case .string(let fromColumn)? = reduced.column(named: "from_status") else {
      throw PushdownWeeks.missing("from_status")
    }
    var rows: [Int32] = []
    var fromValues: [String?] = []
    var toValues: [String?] = []
    var counts: [Int64] = []
    var totals: [String: Int64] = [:]
    let groupColumn = by.flatMap { reduced.column(named: $0.name) }
    func key(_ row: Int, _ from: String) -> String {
      (groupColumn.map { $0.isValid(row) ? "v" + $0.value(at: row).description : "null" } ?? "") + "\u{1}" + from
    }
    for row in 0..<reduced.rowCount {
      guard let from = fromColumn[row] else { continue }
      let persons = PushdownWeeks.int(reduced, "persons", row) ?? 0
      rows.append(Int32(row))
      fromValues.append(from)
      toValues.append(PushdownWeeks.string(reduced, "to_status", row))
      counts.append(persons)
      totals[key(row, from), default: 0] += persons
    }
    var shares: [Double] = []
    for (index, row) in rows.enumerated() {
      let total = totals[key(Int(row), fromValues[index] ?? "")] ?? counts[index]
      shares.append((Double(counts[index]) * 1000 / Double(total)).rounded() / 10)
    }
    var named: [(String, Column)] = []
    if let by, let groupColumn { named.append((by.name, groupColumn.gather(rows))) }
    named += [
      ("from_status", .string(StringColumn(fromValues))),
      ("to_status", .string(StringColumn(toValues))),
      ("persons", .int64(Int64Column(counts))),
      ("row_pct", .double(DoubleColumn(shares))),
    ]
    let table = Table(named)
    let keyNames = (by.map { [$0.name] } ?? []) + ["from_status", "persons", "to_status"]
    let keys = keyNames.compactMap { table.column(named: $0) }
    let order = SortKernel.permutation(keys: keys, descending: keyNames.map { $0 == "persons" })

    let counted = counts.reduce(0, +)
    notes.append("\(counted) persons, from \(from.text) to \(to.text)")
    notes.append(
      "a round = the last ISO week of its data_til month in runder (the data the round had: DREAM runs lag "
        + "about two months); a month = the ISO week containing its 15th")
    notes.append("status = the spell covering the week; '\(BenefitStatus.notInData)' = no spell covers it")
    notes.append("row_pct = persons / persons with that from_status\(by.map { " and \($0.name)" } ?? "") × 100")
    let left = (PushdownWeeks.int(reduced, "all_persons", 0) ?? counted) - counted
    if left > 0 { notes.append("\(left) persons with no spell in either week are left out") }
    notes.append(
      PushdownWeeks.note(
        engine: "each person's status at both weeks and the persons per (from, to)",
        local: "row_pct, the order and this footer"))
    return table.gather(order)
  }
}
