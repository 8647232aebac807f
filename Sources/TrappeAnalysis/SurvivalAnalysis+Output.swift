import TrappeBase
import TrappeQuery
import TrappeStorage

extension SurvivalAnalysis {
  /// The result table (one row per group, in `order`, and reporting week) and its footer, from
  /// the groups' curves: shared by the local run and the engine's finish, so both print the same.
  /// `firstRows` picks each group's `by` value from `groupColumn`; `unit` names what was counted
  /// (spells, support spells, persons); `closingNote` ends the footer (what ran where).
  func output(
    curves: [KaplanMeier], estimates: [SurvivalEstimate], order: [Int32], labels: [String], weeks: [Int],
    firstRows: [Int32]?, groupColumn: Column?, unit: String, population: [String], subjects: SurvivalSubjects,
    windowFirst: Int32, windowLast: Int32, closingNote: String? = nil, notes: inout [String]
  ) -> Table {
    var rows: [Int32] = []
    var weekValues: [Int64] = []
    var atRisk: [Int64] = []
    var eventCounts: [Int64] = []
    var stillOn: [Double] = []
    var stillValid = ValidityMask(allValid: 0)
    var lower: [Double] = []
    var upper: [Double] = []
    let weekText = { (n: Int) in n == 1 ? "1 week" : "\(n) weeks" }
    var groupNotes: [String] = []
    var empty: [String] = []
    for group in order.map(Int.init) {
      let curve = curves[group]
      let label = labels[group].isEmpty ? "all" : labels[group]
      guard curve.spells > 0 else {
        empty.append(label)
        continue
      }
      groupNotes.append(
        "\(label): \(curve.spells) \(unit), \(curve.censoredCount) censored"
          + (curve.delayedCount > 0 ? ", \(curve.delayedCount) entering late" : "") + ", median "
          + (curve.median.map(weekText) ?? "not reached"))
      groupNotes += Self.medianIntervalNotes(estimates[group])
      var previous = 0
      for week in weeks {
        rows.append(firstRows?[group] ?? 0)
        weekValues.append(Int64(week))
        atRisk.append(Int64(curve.atRisk(after: previous)))
        eventCounts.append(Int64(curve.exits(after: previous, through: week)))
        let share = curve.survival(at: week)
        stillOn.append(share.map { ($0 * 1000).rounded() / 10 } ?? 0)
        stillValid.append(share != nil)
        let band = estimates[group].interval(at: week)
        lower.append((band?.lower ?? 0) * 100)
        upper.append((band?.upper ?? 0) * 100)
        previous = week
      }
    }

    notes += footer(population: population, subjects: subjects, windowFirst: windowFirst, windowLast: windowLast)
    if stillValid.hasNulls { notes.append("still_on_pct is NULL after a group's longest spell when that one was censored") }
    notes.append(Self.intervalNote)
    notes += groupNotes
    if let by { notes += Self.logRankNotes(estimates, by: by.name) }
    if !empty.isEmpty { notes += Self.wrap(empty, first: "no spells with these statuses: ") }
    if let closingNote { notes.append(closingNote) }

    var named: [(String, Column)] = []
    if let by, let groupColumn { named.append((by.name, groupColumn.gather(rows))) }
    named += [
      ("week", .int64(Int64Column(weekValues))),
      ("at_risk", .int64(Int64Column(atRisk))),
      ("events", .int64(Int64Column(eventCounts))),
      ("still_on_pct", .double(DoubleColumn(values: stillOn, validity: stillValid))),
      ("still_on_lo", .double(DoubleColumn(values: lower, validity: stillValid))),
      ("still_on_hi", .double(DoubleColumn(values: upper, validity: stillValid))),
    ]
    return Table(named)
  }
}
