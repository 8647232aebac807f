import TrappeBase
import TrappeStorage
import TrappeQuery

/// `survival [for STATUS, ...] [by COLUMN] [weeks N]`: Kaplan–Meier curves of time on benefit.
///
/// Each spell with one of the statuses lasts `slut_uge − start_uge + 1` weeks; a spell
/// with NULL `slut_uge` is censored at the last observed week. One row per group and
/// reporting week: spells at risk at the start of the interval since the previous
/// reporting week, exits in it, and the estimated share still on (%).
struct SurvivalAnalysis: AnalysisOperator {
  /// The reporting weeks without `weeks N`.
  static let defaultWeeks = [4, 8, 13, 26, 52, 78, 104]
  /// The most groups `by` may give (each keeps a count per week of duration).
  static let groupLimit = 10_000

  /// The statuses whose spells are analysed.
  let statuses: [String]
  /// Whether the statuses were chosen with `for` (then each must occur in the data).
  let chosen: Bool
  /// The grouping column, if any.
  let by: PlanColumn?
  /// Report every `step` weeks instead of ``defaultWeeks``.
  let step: Int?
  /// `by destination`: cumulative incidence per exit destination (``runByDestination``).
  var byDestination = false

  var columns: [PlanColumn] {
    if byDestination { return Self.destinationColumns }
    return (by.map { [$0] } ?? []) + [
      PlanColumn(name: "week", type: .int64),
      PlanColumn(name: "at_risk", type: .int64),
      PlanColumn(name: "events", type: .int64),
      PlanColumn(name: "still_on_pct", type: .double),
      PlanColumn(name: "still_on_lo", type: .double),
      PlanColumn(name: "still_on_hi", type: .double),
    ]
  }

  var summary: String {
    "survival of \(statuses.joined(separator: ", "))" + (by.map { " by \($0.name)" } ?? "")
      + (byDestination ? " by destination" : "")
      + (step.map { " every \($0) weeks" } ?? "")
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard let spells = try SpellColumns(input) else {
      notes.append("survival: no spells in the input")
      return emptyResult(input)
    }
    let dictionary = spells.status.dictionary
    var include = [Bool](repeating: false, count: dictionary.count)
    for status in statuses {
      var found = false
      for (code, text) in dictionary.enumerated() where text == status {
        include[code] = true
        found = true
      }
      if chosen, !found {
        throw Diagnostic(
          .error, "no spell has the status '\(status)'",
          hints: ["the statuses are: " + dictionary.sorted(by: DanishCollation.areInIncreasingOrder).joined(separator: ", ")]
        ).suggesting(Suggestion.nearest(to: status, in: dictionary))
      }
    }

    if byDestination { return try runByDestination(input, spells: spells, include: include, notes: &notes) }
    let groupColumn = by.flatMap { input.column(named: $0.name) }
    let groups = groupColumn.map { GroupIndex.build(keys: [$0]) }
    let groupCount = groups?.groupCount ?? 1
    if groupCount > Self.groupLimit, let by {
      throw Diagnostic(
        .error, "survival by \(by.name) gives \(groupCount) groups; at most \(Self.groupLimit) are shown",
        hints: ["group by a column with fewer values, e.g. herkomst, kommune or aldersgruppe"])
    }
    let width = Int(spells.lastWeek - spells.firstWeek) + 2
    var exits = [Int](repeating: 0, count: groupCount * width)
    var censored = [Int](repeating: 0, count: groupCount * width)
    let last = spells.lastWeek
    let startValid = spells.start.validity
    let endValid = spells.end.validity
    let statusValid = spells.status.validity
    var invalid = 0
    spells.start.ordinals.withUnsafeBufferPointer { starts in
      spells.end.ordinals.withUnsafeBufferPointer { ends in
        spells.status.codes.withUnsafeBufferPointer { codes in
          for row in 0..<starts.count {
            if startValid.hasNulls, !startValid.isValid(row) { continue }
            if statusValid.hasNulls, !statusValid.isValid(row) { continue }
            if !include[Int(codes[row])] { continue }
            let open = endValid.hasNulls && !endValid.isValid(row)
            let duration = Int((open ? last : ends[row]) - starts[row]) + 1
            if duration < 1 {
              invalid += 1
              continue
            }
            let slot = (groups.map { Int($0.groupOf[row]) } ?? 0) * width + duration
            if open { censored[slot] += 1 } else { exits[slot] += 1 }
          }
        }
      }
    }

    // Groups in the order of the `by` column.
    var order = [Int32](0..<Int32(groupCount))
    var labels = [String](repeating: "", count: groupCount)
    if let groups, let groupColumn, let by {
      let representatives = groupColumn.gather(groups.firstRow)
      order = SortKernel.permutation(keys: [representatives], descending: [false])
      for group in 0..<groupCount { labels[group] = "\(by.name)=\(representatives.value(at: group))" }
    }
    var longestOverall = 0
    var curves: [KaplanMeier] = []
    var estimates: [SurvivalEstimate] = []
    for group in 0..<groupCount {
      let range = (group * width)..<((group + 1) * width)
      let curve = KaplanMeier(exits: exits[range], censored: censored[range])
      longestOverall = max(longestOverall, curve.longest)
      curves.append(curve)
      estimates.append(SurvivalEstimate(exits: [exits[range]], censored: censored[range]))
    }
    let weeks = step.map { Array(stride(from: $0, through: max($0, longestOverall), by: $0)) } ?? Self.defaultWeeks

    var rows: [Int32] = []
    var weekValues: [Int64] = []
    var atRisk: [Int64] = []
    var events: [Int64] = []
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
        "\(label): \(curve.spells) spells, \(curve.censoredCount) censored, median "
          + (curve.median.map(weekText) ?? "not reached"))
      groupNotes += Self.medianIntervalNotes(estimates[group])
      var previous = 0
      for week in weeks {
        rows.append(groups.map { $0.firstRow[group] } ?? 0)
        weekValues.append(Int64(week))
        atRisk.append(Int64(curve.atRisk(after: previous)))
        events.append(Int64(curve.exits(after: previous, through: week)))
        let share = curve.survival(at: week)
        stillOn.append(share.map { ($0 * 1000).rounded() / 10 } ?? 0)
        stillValid.append(share != nil)
        let band = estimates[group].interval(at: week)
        lower.append((band?.lower ?? 0) * 100)
        upper.append((band?.upper ?? 0) * 100)
        previous = week
      }
    }

    let first = Period(unit: .week, ordinal: spells.firstWeek)
    notes.append("Kaplan–Meier; duration = slut_uge − start_uge + 1 weeks; ties: exits first")
    notes += Self.wrap(statuses, first: "spells: ")
    if !chosen { notes.append("(the default benefits; others with: survival for STATUS, ...)") }
    notes.append("censored = slut_uge NULL, counted to \(Period(unit: .week, ordinal: last)) (end of observation)")
    notes.append("at_risk = still on at the start of the interval; events = exits in it")
    notes.append("spells starting \(first) may have begun earlier (left-censored)")
    if stillValid.hasNulls { notes.append("still_on_pct is NULL after a group's longest spell when that one was censored") }
    if invalid > 0 { notes.append("\(invalid) spells ending before they start are left out") }
    notes.append(Self.intervalNote)
    notes += groupNotes
    if let by { notes += Self.logRankNotes(estimates, by: by.name) }
    if !empty.isEmpty { notes += Self.wrap(empty, first: "no spells with these statuses: ") }

    var named: [(String, Column)] = []
    if let by, let groupColumn { named.append((by.name, groupColumn.gather(rows))) }
    named += [
      ("week", .int64(Int64Column(weekValues))),
      ("at_risk", .int64(Int64Column(atRisk))),
      ("events", .int64(Int64Column(events))),
      ("still_on_pct", .double(DoubleColumn(values: stillOn, validity: stillValid))),
      ("still_on_lo", .double(DoubleColumn(values: lower, validity: stillValid))),
      ("still_on_hi", .double(DoubleColumn(values: upper, validity: stillValid))),
    ]
    return Table(named)
  }

  /// `items` as comma-separated lines of at most 78 characters, the first starting with `first`.
  static func wrap(_ items: [String], first: String) -> [String] {
    var lines: [String] = []
    var line = first
    for (index, item) in items.enumerated() {
      let piece = item + (index + 1 < items.count ? "," : "")
      if line.count + piece.count + 1 > 78, line != first {
        lines.append(line)
        line = "  "
      }
      line += (line == first || line == "  " ? "" : " ") + piece
    }
    lines.append(line)
    return lines
  }

  /// The output columns without rows.
  private func emptyResult(_ input: Table) -> Table {
    var named: [(String, Column)] = []
    if let by, let column = input.column(named: by.name) { named.append((by.name, column.gather([]))) }
    named += [
      ("week", .int64(Int64Column([]))), ("at_risk", .int64(Int64Column([]))),
      ("events", .int64(Int64Column([]))), ("still_on_pct", .double(DoubleColumn([]))),
      ("still_on_lo", .double(DoubleColumn([]))), ("still_on_hi", .double(DoubleColumn([]))),
    ]
    return Table(named)
  }
}
