import TrappeBase
import TrappeQuery
import TrappeStorage

extension GapOperator {
  /// `gap` on an engine: the engine sums each target's numerator and denominator per
  /// municipality (and period) with the summarize plan the local run uses, all targets in one
  /// table (`ti` = the target's position); Trappe finds the municipalities and periods present,
  /// computes value, threshold, gap, short, pace, trend and intervals from those totals with the
  /// code that runs on local tables. (`gap … cohort` follows persons through forloeb and has no
  /// engine split.)
  func pushdown(input: SQLAnalysisInput, dialect: any SQLDialect) throws(SQLError) -> SQLPushdown? {
    guard let kommune = input.columns.first(where: { $0.name == "kommune" }) else {
      throw SQLError("gap needs a column 'kommune' with the municipality names")
    }
    if let period, !input.columns.contains(where: { $0.name == period.name }) {
      throw SQLError("the input has no column '\(period.name)'")
    }
    let keys = ["kommune"] + (period.map { [$0.name] } ?? [])
    func id(_ name: String) -> String { dialect.identifier(name) }
    var parts: [String] = []
    for (index, target) in targets.enumerated() {
      let totals = try target.measure.sqlTotals(input: input, by: keys, dialect: dialect, prefix: "g\(index + 1)_")
      parts.append(
        "SELECT CAST(\(index) AS \(dialect.typeName(.int64, unit: nil))) AS \(id("ti")), \(id("__ord")) AS \(id("o")), "
          + keys.map(id).joined(separator: ", ") + ", \(id("numerator")), \(id("denominator")) FROM (\(totals)) AS \(id("t\(index + 1)"))")
    }
    let columns =
      [PlanColumn(name: "ti", type: .int64), PlanColumn(name: "o", type: .int64), kommune] + (period.map { [$0] } ?? [])
      + [PlanColumn(name: "numerator", type: .double), PlanColumn(name: "denominator", type: .double)]
    let analysis = self
    return SQLPushdown(
      sql: parts.joined(separator: "\nUNION ALL\n"), columns: columns,
      localPart: "value, threshold, gap, short, pace and trend from the totals per municipality",
      finish: { reduced, notes throws(Diagnostic) in try analysis.finish(reduced, notes: &notes) })
  }

  /// The output of ``run(_:notes:)`` from the engine's totals.
  func finish(_ reduced: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard reduced.rowCount > 0 else {
      throw Diagnostic(
        .error, "gap has no rows to work on: the stages before it kept none",
        hints: ["check the where conditions before gap"])
    }
    // In the order the local summarize gives (first appearance, `o`); an engine table has no
    // row order, so ties fall back to the municipality and the period.
    let names = ["ti", "o", "kommune"] + (period.map { [$0.name] } ?? [])
    var keys: [Column] = []
    for name in names {
      guard let column = reduced.column(named: name) else { throw PushdownWeeks.missing(name) }
      keys.append(column)
    }
    let sorted = reduced.gather(SortKernel.permutation(keys: keys, descending: names.map { _ in false }))
    guard case .int64(let targetIndex)? = sorted.column(named: "ti"), let kommune = sorted.column(named: "kommune")
    else { throw PushdownWeeks.missing("ti") }
    let periodColumn = period.flatMap { sorted.column(named: $0.name) }
    // Every target's totals have a row per (municipality, period) group of the input.
    var present: [String] = []
    var seen: Set<String> = []
    var periodSet: Set<Value> = []
    var rowsOf = [[Int32]](repeating: [], count: targets.count)
    for row in 0..<sorted.rowCount {
      guard let index = targetIndex[row].map(Int.init), index >= 0, index < targets.count else { continue }
      rowsOf[index].append(Int32(row))
      guard index == 0 else { continue }
      if let name = kommune.value(at: row).stringValue, seen.insert(name).inserted { present.append(name) }
      if let periodColumn, periodColumn.isValid(row) { periodSet.insert(periodColumn.value(at: row)) }
    }
    let chosen = try GapOperator.choose(municipalities, present: present, notes: &notes)
    let periods: [Value?] = period == nil ? [nil] : periodSet.sorted(by: GapOperator.precedes)
    let table = try run(chosen: chosen, periods: periods, notes: &notes) { target throws(Diagnostic) in
      guard let index = targets.firstIndex(where: { $0.id == target.id }) else { return [:] }
      let part = sorted.gather(rowsOf[index])
      let totals = Table(
        (names.dropFirst(2) + ["numerator", "denominator"]).compactMap { name in part.column(named: name).map { (name, $0) } })
      return GapOperator.index(totals, hasPeriod: period != nil)
    }
    notes.append(
      PushdownWeeks.note(
        engine: "each target's numerator and denominator per municipality" + (period.map { " and \($0.name)" } ?? ""),
        local: "value, threshold, gap, short, pace, trend and this footer"))
    return table
  }
}
