import TrappeQuery
import TrappeStorage

extension FlowAnalysis {
  /// `flow` in SQL, step for step as ``run(_:notes:)``: a spell covers a week when
  /// `start_uge ≤ week ≤ slut_uge` (NULL `slut_uge` = the last observed week); a person's status
  /// at a week is that of the last covering spell in row order, `ikke i data` when none does;
  /// the `by` value comes from the spell covering the first point (else the first covering the
  /// second); rows sorted by (by, from_status, persons desc, to_status).
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    func id(_ name: String) -> String { dialect.identifier(name) }
    let ord = id("__ord")
    let start = id("start_uge")
    let end = id("slut_uge")
    let a = dialect.literal(.period(from.week), type: .period, unit: .week)
    let b = dialect.literal(.period(to.week), type: .period, unit: .week)
    let missing = dialect.string(BenefitStatus.notInData)
    let byItem = by.map { ", \(id($0.name))" } ?? ""
    let byOf = { (alias: String) in self.by.map { ", \(alias).\(id($0.name))" } ?? "" }
    let covers = { (week: String) in "\(start) <= \(week) AND \(week) <= e" }
    var order: [String] = []
    if let by {
      let keys = by.type == .string ? dialect.collationKeys(id(by.name)) : [id(by.name)]
      order += keys.map { "\($0) ASC \(dialect.nullsLast)" }
    }
    order += dialect.collationKeys(id("from_status")).map { "\($0) ASC \(dialect.nullsLast)" }
    order.append("\(id("persons")) DESC \(dialect.nullsLast)")
    order += dialect.collationKeys(id("to_status")).map { "\($0) ASC \(dialect.nullsLast)" }
    let partition = (by.map { [id($0.name)] } ?? []) + [id("from_status")]
    let persons = "CAST(\(id("persons")) AS DOUBLE)"
    let total = "CAST(sum(\(id("persons"))) OVER (PARTITION BY \(partition.joined(separator: ", "))) AS DOUBLE)"
    return """
      WITH
        spells AS (
          SELECT \(ord), \(id("person")), \(id("status")), \(start),
            COALESCE(\(end), (SELECT greatest(max(\(start)), max(\(end))) FROM \(input.name))) AS e\(byItem)
          FROM \(input.name) WHERE \(start) IS NOT NULL AND \(id("status")) IS NOT NULL),
        cover AS (
          SELECT max(\(ord)) FILTER (WHERE \(covers(a))) AS a_row, max(\(ord)) FILTER (WHERE \(covers(b))) AS b_row,
            min(\(ord)) FILTER (WHERE \(covers(b))) AS b_first
          FROM spells GROUP BY \(id("person"))),
        people AS (
          SELECT COALESCE(fa.\(id("status")), \(missing)) AS \(id("from_status")),
            COALESCE(fb.\(id("status")), \(missing)) AS \(id("to_status"))\(byOf("g"))
          FROM cover
          LEFT JOIN spells AS fa ON fa.\(ord) = cover.a_row
          LEFT JOIN spells AS fb ON fb.\(ord) = cover.b_row
          LEFT JOIN spells AS g ON g.\(ord) = COALESCE(cover.a_row, cover.b_first)
          WHERE cover.a_row IS NOT NULL OR cover.b_row IS NOT NULL),
        counted AS (
          SELECT \(by.map { id($0.name) + ", " } ?? "")\(id("from_status")), \(id("to_status")), CAST(count(*) AS BIGINT) AS \(id("persons"))
          FROM people GROUP BY ALL)
      SELECT row_number() OVER (ORDER BY \(order.joined(separator: ", "))) AS \(ord), \(by.map { id($0.name) + ", " } ?? "")\(id("from_status")), \(id("to_status")), \(id("persons")),
        round(\(persons) * 1000 / \(total)) / 10 AS \(id("row_pct"))
      FROM counted
      """
  }
}

extension FlowGrossAnalysis {
  /// `flow … gross` is not compiled to SQL: its week-by-week moves need a week grid per person.
  /// Tests/analyses/check_flow_with_duckdb.py computes it in DuckDB independently instead.
  func sql(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> String? {
    throw SQLError("\(summary): gross flows have no SQL form yet (the week-by-week moves are not compiled)")
  }
}
