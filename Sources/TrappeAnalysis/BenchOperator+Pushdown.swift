import TrappeBase
import TrappeQuery
import TrappeStorage

extension BenchOperator {
  /// `bench` on an engine: the engine sums the measure's numerator and denominator per
  /// municipality (and period) with the summarize plan the local run uses; Trappe pools the
  /// peers, the country and the top 10, ranks, differences, funnel limits and intervals from those
  /// totals with the code that runs on local tables. `against expected` (a second measure and a
  /// regression over it) is refused.
  func pushdown(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> SQLPushdown? {
    if group.expected {
      throw SQLError(
        "\(summary): against expected is not run on an engine (its expected values need a regression over the input)",
        hints: ["on an engine, bench runs against peers, region, kommunegruppe, a group or a list"])
    }
    guard let kommune = input.columns.first(where: { $0.name == "kommune" }) else {
      throw SQLError("bench needs a column 'kommune' in its input")
    }
    let keys = ["kommune"] + (period.map { [$0.name] } ?? [])
    let totals = try measure.sqlTotals(input: input, by: keys, dialect: dialect, prefix: "b")
    func id(_ name: String) -> String { dialect.identifier(name) }
    let sql =
      "SELECT \(id("__ord")) AS \(id("o")), " + keys.map(id).joined(separator: ", ") + ", \(id("numerator")), \(id("denominator"))"
      + " FROM (\(totals)) AS \(id("t"))"
    let columns =
      [PlanColumn(name: "o", type: .int64), kommune] + (period.map { [$0] } ?? []) + [
        PlanColumn(name: "numerator", type: .double), PlanColumn(name: "denominator", type: .double),
      ]
    let analysis = self
    return SQLPushdown(
      sql: sql, columns: columns,
      localPart: "pooling, top 10, ranks and differences from the totals per municipality",
      finish: { reduced, notes throws(Diagnostic) in try analysis.finish(reduced, notes: &notes) })
  }

  /// The output of ``run(_:notes:)`` from the engine's totals.
  func finish(_ reduced: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    // The totals in the order the local summarize gives (first appearance, `o`); an engine
    // table has no row order, so ties fall back to the municipality and the period.
    let names = ["o", "kommune"] + (period.map { [$0.name] } ?? [])
    var keys: [Column] = []
    for name in names {
      guard let column = reduced.column(named: name) else { throw PushdownWeeks.missing(name) }
      keys.append(column)
    }
    let order = SortKernel.permutation(keys: keys, descending: names.map { _ in false })
    let sorted = reduced.gather(order)
    let totals = Table(
      (names.dropFirst() + ["numerator", "denominator"]).compactMap { name in
        sorted.column(named: name).map { (name, $0) }
      })
    let data = try MeasureCells(totals: totals, measure: measure, key: period?.name)
    let table = try run(data, notes: &notes) { () throws(Diagnostic) in nil }
    notes.append(
      PushdownWeeks.note(
        engine: "the measure's numerator and denominator per municipality" + (period.map { " and \($0.name)" } ?? ""),
        local: "pooling, top 10, ranks, differences and this footer"))
    return table
  }
}
