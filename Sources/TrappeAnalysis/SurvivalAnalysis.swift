import TrappeBase
import TrappeStorage
import TrappeQuery

/// `survival [for STATUS, ...] [on support] [until STATUS, ...] [inflow FROM TO] [entry COLUMN] [first]
/// [by COLUMN] [weeks N]`: Kaplan–Meier curves of time on benefit.
///
/// The subjects are spells of the `for` statuses (or, `on support`, spells of public support
/// merged when consecutive, starting with a `for` status); see ``SurvivalSubjects`` for durations,
/// censoring at the observation window's end and delayed entry. One row per group and reporting
/// week: subjects at risk at the start of the interval since the previous reporting week, exits
/// in it, and the estimated share still on (%).
struct SurvivalAnalysis: AnalysisOperator {
  /// The reporting weeks without `weeks N`.
  static let defaultWeeks = [4, 8, 13, 26, 52, 78, 104]
  /// The most groups `by` may give (each keeps a count per week of duration).
  static let groupLimit = 10_000
  /// The true-start column of forloeb (used with `entry start_faktisk`).
  static let trueStartColumn = "start_faktisk"

  /// The statuses whose spells are analysed (empty without `for`: then the one benefit in the
  /// input, or all of public support with `on support`).
  let statuses: [String]
  /// Whether the statuses were chosen with `for` (then each must occur in the data).
  let chosen: Bool
  /// The grouping column, if any.
  let by: PlanColumn?
  /// Report every `step` weeks instead of ``defaultWeeks``.
  let step: Int?
  /// `on support`: merge consecutive spells of public support.
  var support = false
  /// `until STATUS, ...`: the event is moving to one of these; other exits are censored.
  var until: [String] = []
  /// `inflow FROM TO`: only spells whose true start is in these weeks (ordinals).
  var inflow: ClosedRange<Int32>? = nil
  /// The true-start column named with `entry COLUMN`; nil: none.
  var entryColumn: String? = nil
  /// Whether the true-start column was named with `entry`.
  var entryChosen = false
  /// `first`: the first spell per person only.
  var firstOnly = false
  /// The observation window of the input's dataset (its manifest), if known.
  var window: ObservationWindow? = nil
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
    var text = "survival of " + (statuses.isEmpty ? (support ? "public support" : "the benefit in the input") : statuses.joined(separator: ", "))
    if support { text += " on support" }
    if !until.isEmpty { text += " until " + until.joined(separator: ", ") }
    if let inflow { text += " inflow \(Period(unit: .week, ordinal: inflow.lowerBound))–\(Period(unit: .week, ordinal: inflow.upperBound))" }
    if let entryColumn { text += " entry \(entryColumn)" }
    if firstOnly { text += " first" }
    if let window { text += " window \(window.text)" }
    return text + (by.map { " by \($0.name)" } ?? "") + (byDestination ? " by destination" : "")
      + (step.map { " every \($0) weeks" } ?? "")
  }

  /// The statuses to follow: the `for` statuses, or without `for` the one benefit in the input
  /// (an error listing the benefits with their spell counts when there are several).
  func population(_ spells: SpellColumns) throws(Diagnostic) -> [String] {
    let dictionary = spells.status.dictionary
    return try population(statuses: dictionary) {
      var counts = [Int](repeating: 0, count: dictionary.count)
      let valid = spells.status.validity
      for (row, code) in spells.status.widenedCodes().enumerated() where !valid.hasNulls || valid.isValid(row) {
        counts[Int(code)] += 1
      }
      return counts
    }
  }

  /// The statuses to follow, given the statuses in the input (`dictionary`) and, only asked for
  /// without `for`, the number of spells of each (`counts()`, aligned with `dictionary`).
  func population(statuses dictionary: [String], counts: () -> [Int]) throws(Diagnostic) -> [String] {
    if chosen {
      for status in statuses + until where !dictionary.contains(status) {
        throw Diagnostic(
          .error, "no spell has the status '\(status)'",
          hints: ["the statuses are: " + dictionary.sorted(by: DanishCollation.areInIncreasingOrder).joined(separator: ", ")]
        ).suggesting(Suggestion.nearest(to: status, in: dictionary))
      }
      return statuses
    }
    for status in until where !dictionary.contains(status) {
      throw Diagnostic(
        .error, "no spell has the status '\(status)'",
        hints: ["the statuses are: " + dictionary.sorted(by: DanishCollation.areInIncreasingOrder).joined(separator: ", ")]
      ).suggesting(Suggestion.nearest(to: status, in: dictionary))
    }
    if support { return [] }
    let counts = counts()
    let present = BenefitStatus.benefits.compactMap { name -> (String, Int)? in
      guard let code = dictionary.firstIndex(of: name), counts[code] > 0 else { return nil }
      return (name, counts[code])
    }
    if present.count == 1, let only = present.first { return [only.0] }
    throw Diagnostic(
      .error,
      present.isEmpty
        ? "survival needs the status whose spells to follow, and the input has no benefit spells"
        : "survival needs the benefit whose spells to follow: the input has \(present.count) benefits",
      hints: (present.isEmpty ? [] : ["spells: " + present.map { "\($0.0) \($0.1)" }.joined(separator: ", ")]) + [
        "write e.g. survival for kontanthjælp (one benefit: pooling benefits mixes populations)",
        "or survival on support: spells of public support (benefits and activation) merged",
      ])
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard let spells = try SpellColumns(input) else {
      notes.append("survival: no spells in the input")
      return emptyResult(input)
    }
    let population = try population(spells)
    let windowFirst = window?.first ?? spells.firstWeek
    let windowLast = window?.last ?? spells.lastWeek
    if byDestination {
      if !until.isEmpty {
        throw Diagnostic(
          .error, "survival … by destination shows every exit, so until (which picks one) does not apply",
          hints: ["drop until: the row of each destination is its cumulative incidence"])
      }
      guard input.column(named: "person") != nil else {
        throw Diagnostic(
          .error, "survival by destination needs the column person (to find each spell's next spell)",
          hints: ["run it on forloeb, or keep the column person"])
      }
      let subjects = try SurvivalSubjects(
        input, spells: spells, groupOf: nil,
        options: SurvivalSubjects.Options(
          population: Set(population), support: support, until: [], inflow: inflow, trueStart: entryColumn,
          firstOnly: firstOnly, windowFirst: windowFirst, windowLast: windowLast))
      notes += footer(population: population, subjects: subjects, windowFirst: windowFirst, windowLast: windowLast)
      return runByDestination(subjects, notes: &notes)
    }
    let groupColumn = by.flatMap { input.column(named: $0.name) }
    let groups = groupColumn.map { GroupIndex.build(keys: [$0]) }
    let groupCount = groups?.groupCount ?? 1
    if groupCount > Self.groupLimit, let by {
      throw Diagnostic(
        .error, "survival by \(by.name) gives \(groupCount) groups; at most \(Self.groupLimit) are shown",
        hints: ["group by a column with fewer values, e.g. herkomst, kommune or aldersgruppe"])
    }
    let subjects = try SurvivalSubjects(
      input, spells: spells, groupOf: groups?.groupOf,
      options: SurvivalSubjects.Options(
        population: Set(population), support: support, until: Set(until), inflow: inflow, trueStart: entryColumn,
        firstOnly: firstOnly, windowFirst: windowFirst, windowLast: windowLast))

    var durations = [[Int]](repeating: [], count: groupCount)
    var events = [[Bool]](repeating: [], count: groupCount)
    var entries = [[Int]](repeating: [], count: groupCount)
    for index in 0..<subjects.count {
      let group = Int(subjects.group[index])
      durations[group].append(subjects.duration[index])
      events[group].append(subjects.event[index])
      entries[group].append(subjects.entry[index])
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
      let curve = KaplanMeier(durations: durations[group], events: events[group], entries: entries[group])
      longestOverall = max(longestOverall, curve.longest)
      curves.append(curve)
      estimates.append(
        SurvivalEstimate(durations: durations[group], causes: events[group].map { $0 ? 1 : 0 }, entries: entries[group]))
    }
    let weeks = step.map { Array(stride(from: $0, through: max($0, longestOverall), by: $0)) } ?? Self.defaultWeeks

    let unit = firstOnly ? "persons" : (support ? "support spells" : "spells")
    return output(
      curves: curves, estimates: estimates, order: order, labels: labels, weeks: weeks,
      firstRows: groups?.firstRow, groupColumn: groupColumn, unit: unit, population: population, subjects: subjects,
      windowFirst: windowFirst, windowLast: windowLast, notes: &notes)
  }

  /// The footer lines that define the population, the event, censoring and entry.
  func footer(population: [String], subjects: SurvivalSubjects, windowFirst: Int32, windowLast: Int32) -> [String] {
    var lines: [String] = []
    let first = Period(unit: .week, ordinal: windowFirst)
    let last = Period(unit: .week, ordinal: windowLast)
    lines.append(
      "Kaplan–Meier; duration = last week − " + (entryColumn ?? "start_uge") + " + 1 weeks; ties: exits first")
    if support {
      lines += Self.wrap(BenefitStatus.support, first: "on support: consecutive spells merged, public support = ")
      if !population.isEmpty { lines += Self.wrap(population, first: "support spells starting with: ") }
    } else {
      lines += Self.wrap(population, first: "spells: ")
      if !chosen { lines.append("(the only benefit in the input; others with: survival for STATUS)") }
    }
    let left = support ? "leaving public support" : "leaving " + population.joined(separator: "/")
    if until.isEmpty {
      lines.append("event: " + left + (support ? " (to selvforsørgende, uddannelse …)" : " (to any other status)"))
    } else {
      lines += Self.wrap(until, first: "event: \(left) to ")
      lines.append("other exits are censored at their last week (competing risks, not success)")
    }
    if let window {
      lines.append("censored: still running at \(last), the end of \(window.dataset)'s window (manifest)")
    } else {
      lines.append("censored: still running at \(last), the last week in the data (no manifest)")
    }
    if let inflow {
      lines.append(
        "inflow: spells starting \(Period(unit: .week, ordinal: inflow.lowerBound))–"
          + "\(Period(unit: .week, ordinal: inflow.upperBound))" + (entryColumn == nil ? "" : " (true start)")
          + "; \(subjects.outsideInflow) others left out")
    }
    if let entryColumn {
      let delayed = subjects.delayedCount ?? subjects.entry.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
      lines.append("delayed entry: \(delayed) spells begun before \(first) (true start: \(entryColumn))")
      lines.append("  are at risk from their true duration at \(first) on")
    } else if subjects.stockWithoutStart > 0 {
      lines.append("\(subjects.stockWithoutStart) spells running at \(first) are counted from there, not from")
      lines.append("  their true start (length-biased); see inflow FROM TO, entry COLUMN")
    }
    if firstOnly { lines.append("first: each person's first spell (\(subjects.laterOfPerson) later ones left out)") }
    if subjects.unknownDestination > 0, support || !until.isEmpty {
      lines.append("\(subjects.unknownDestination) ended spells have no next spell of the person in the input")
      lines.append(
        until.isEmpty
          ? "  (filtered out? use inflow, not where): counted as exits"
          : "  (filtered out? use inflow, not where): censored")
    }
    lines.append("at_risk = on and observed at the interval's start; events = exits in it")
    if subjects.invalid > 0 { lines.append("\(subjects.invalid) spells ending before they start are left out") }
    return lines
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
    if byDestination {
      return Table(Self.destinationColumns.map { column in
        (column.name, column.type == .string ? Column.string(StringColumn([String]())) : column.type == .int64
          ? Column.int64(Int64Column([])) : Column.double(DoubleColumn([])))
      })
    }
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
