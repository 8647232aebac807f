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

  /// The cumulative incidence per destination of the subjects (spells, merged support spells or
  /// persons, with delayed entry when they have a true start), as ``SurvivalSubjects`` built them
  /// for the curve; `notes` already holds the footer that defines them.
  func runByDestination(_ subjects: SurvivalSubjects, notes: inout [String]) -> Table {
    // Causes: the next spell's statuses in order of first appearance, then (not in input).
    var labels: [String] = []
    var causeOf: [String: Int] = [:]
    var causes = [Int](repeating: 0, count: subjects.count)
    for index in 0..<subjects.count where subjects.event[index] {
      let label = subjects.destination[index] ?? Self.unknownDestination
      if let known = causeOf[label] {
        causes[index] = known + 1
      } else {
        causeOf[label] = labels.count
        labels.append(label)
        causes[index] = labels.count
      }
    }
    let longest = subjects.duration.max() ?? 0
    let width = longest + 2
    let causeCount = labels.count
    let unknown = causeOf[Self.unknownDestination] ?? -1
    var exits = [[Int]](repeating: [Int](repeating: 0, count: width), count: causeCount)
    var censored = [Int](repeating: 0, count: width)
    var entering = [Int](repeating: 0, count: width)
    for index in 0..<subjects.count {
      let duration = subjects.duration[index]
      entering[subjects.entry[index]] += 1
      if causes[index] == 0 {
        censored[duration] += 1
      } else {
        exits[causes[index] - 1][duration] += 1
      }
    }
    let estimate = SurvivalEstimate(exits: exits.map { $0[...] }, censored: censored[...], entries: entering[...])
    // Destinations with exits, in Danish order; then (not in input), then (still on).
    let used = Array(0..<causeCount)
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

    notes.append("by destination: cumulative incidence per exit (Aalen–Johansen, competing risks)")
    notes.append("destination = the status of the person's next spell (from the week after)")
    notes.append("incidence_pct(t) = 100 · Σ_{s ≤ t} S(s − 1) · exits to it at s / at risk at s")
    notes.append("\(Self.remainingDestination) = 100 · S(t), Kaplan–Meier of any exit; each week adds up to 100")
    if unknown >= 0 {
      notes.append("\(Self.unknownDestination): next spell filtered out of the input (use inflow, not where)")
    }
    notes.append(
      "all: \(estimate.subjects) \(firstOnly ? "persons" : (support ? "support spells" : "spells")), "
        + "\(censored.reduce(0, +)) censored, median "
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
