import TrappeBase
import TrappeStorage
import TrappeQuery

/// `survival … by destination`: competing risks, the cumulative incidence of each exit
/// destination (Aalen–Johansen, ``SurvivalEstimate``).
///
/// A spell's destination is the status of the same person's spell that starts the week after
/// it ends; an ended spell whose next spell is not in the input goes to `(not in input)`. One row
/// per reporting week and destination, plus `(still on)` = S(t), the Kaplan–Meier share with no
/// exit of any kind, so that the incidences and the share still on add up to 100 % each week.
extension SurvivalAnalysis {
  /// The destination of an exit whose next spell is not in the input.
  static let unknownDestination = "(not in input)"
  /// The row holding the share with no exit yet.
  static let remainingDestination = "(still on)"

  /// The output columns of `by destination`.
  static let destinationColumns = [
    PlanColumn(name: "week", type: .int64),
    PlanColumn(name: "destination", type: .string),
    PlanColumn(name: "at_risk", type: .int64),
    PlanColumn(name: "events", type: .int64),
    PlanColumn(name: "incidence_pct", type: .double),
  ]

  /// The cumulative incidence per destination of the spells whose status is included.
  func runByDestination(_ input: Table, spells: SpellColumns, include: [Bool], notes: inout [String])
    throws(Diagnostic) -> Table
  {
    guard let personColumn = input.column(named: "person") else {
      throw Diagnostic(
        .error, "survival by destination needs the column person (to find each spell's next spell)",
        hints: ["run it on forloeb, or keep the column person"])
    }
    let persons = GroupIndex.build(keys: [personColumn])
    let dictionary = spells.status.dictionary
    let unknown = dictionary.count
    // Censored at the end of the dataset's observation window (its manifest), as the curves are.
    let last = max(window?.last ?? spells.lastWeek, spells.lastWeek)
    let startValid = spells.start.validity
    let endValid = spells.end.validity
    let statusValid = spells.status.validity
    let starts = spells.start.ordinals
    let ends = spells.end.ordinals
    let codes = spells.status.codes
    // (person, first week) → the status code of the spell starting then.
    var startsAt: [Int64: Int] = [:]
    startsAt.reserveCapacity(starts.count)
    for row in 0..<starts.count {
      if startValid.hasNulls, !startValid.isValid(row) { continue }
      if statusValid.hasNulls, !statusValid.isValid(row) { continue }
      startsAt[Int64(persons.groupOf[row]) << 32 | Int64(UInt32(bitPattern: starts[row]))] = Int(codes[row])
    }
    let width = Int(last - spells.firstWeek) + 2
    let causeCount = dictionary.count + 1
    var exits = [[Int]](repeating: [Int](repeating: 0, count: width), count: causeCount)
    var censored = [Int](repeating: 0, count: width)
    var invalid = 0
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
      if open {
        censored[duration] += 1
        continue
      }
      let next = Int64(persons.groupOf[row]) << 32 | Int64(UInt32(bitPattern: ends[row] &+ 1))
      exits[startsAt[next] ?? unknown][duration] += 1
    }
    let estimate = SurvivalEstimate(exits: exits.map { $0[...] }, censored: censored[...])
    let labels = dictionary + [Self.unknownDestination]
    // Destinations with exits, in Danish order; then (not in input), then (still on).
    let used = (0..<causeCount).filter { cause in exits[cause].contains { $0 > 0 } }
    let shown =
      used.filter { $0 != unknown }.sorted { DanishCollation.areInIncreasingOrder(labels[$0], labels[$1]) }
      + used.filter { $0 == unknown }
    let weeks = step.map { Array(stride(from: $0, through: max($0, estimate.longest), by: $0)) } ?? Self.defaultWeeks

    var weekValues: [Int64] = []
    var destinations: [String?] = []
    var atRisk: [Int64] = []
    var events: [Int64] = []
    var eventsValid = ValidityMask(allValid: 0)
    var incidence: [Double] = []
    var incidenceValid = ValidityMask(allValid: 0)
    var previous = 0
    for week in weeks {
      let risk = previous + 1 <= estimate.longest ? estimate.atRisk[previous + 1] : 0
      for cause in shown + [-1] {
        weekValues.append(Int64(week))
        destinations.append(cause < 0 ? Self.remainingDestination : labels[cause])
        atRisk.append(Int64(risk))
        if cause < 0 {
          events.append(0)
          eventsValid.append(false)
          let share = estimate.survival(at: week)
          incidence.append((share ?? 0) * 100)
          incidenceValid.append(share != nil)
        } else {
          var count = 0
          for d in (previous + 1)..<max(previous + 1, min(week, estimate.longest) + 1) { count += exits[cause][d] }
          events.append(Int64(count))
          eventsValid.append(true)
          let share = estimate.incidence(of: cause + 1, at: week)
          incidence.append((share ?? 0) * 100)
          incidenceValid.append(share != nil)
        }
      }
      previous = week
    }

    notes.append("Aalen–Johansen cumulative incidence per exit destination (competing risks)")
    notes += Self.wrap(statuses, first: "spells: ")
    notes.append("destination = the status of the person's next spell (from the week after)")
    notes.append("incidence_pct(t) = 100 · Σ_{s ≤ t} S(s − 1) · exits to it at s / at risk at s")
    notes.append("\(Self.remainingDestination) = 100 · S(t), Kaplan–Meier of any exit; each week adds up to 100")
    notes.append("censored = slut_uge NULL, counted to \(Period(unit: .week, ordinal: last)) (end of observation)")
    notes.append("at_risk = still on at the start of the interval; events = exits to it in it")
    if used.contains(unknown) {
      notes.append("\(Self.unknownDestination): the next spell was filtered out of the input")
    }
    if invalid > 0 { notes.append("\(invalid) spells ending before they start are left out") }
    notes.append(
      "all: \(estimate.subjects) spells, \(censored.reduce(0, +)) censored, median "
        + (estimate.median.map { $0 == 1 ? "1 week" : "\($0) weeks" } ?? "not reached"))
    notes += Self.medianIntervalNotes(estimate)
    return Table([
      ("week", .int64(Int64Column(weekValues))),
      ("destination", .string(StringColumn(destinations))),
      ("at_risk", .int64(Int64Column(atRisk))),
      ("events", .int64(Int64Column(values: events, validity: eventsValid))),
      ("incidence_pct", .double(DoubleColumn(values: incidence, validity: incidenceValid))),
    ])
  }
}
