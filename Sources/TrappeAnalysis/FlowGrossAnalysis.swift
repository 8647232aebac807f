import TrappeBase
import TrappeStorage
import TrappeQuery

/// `flow from A to B gross`: gross in- and outflow per status between consecutive points.
///
/// The points are every round from A to B when both are rounds (`flow from 1 to 5 gross`: 1→2,
/// 2→3, 3→4, 4→5), else A and B. A person's status in a week is that of the spell covering it
/// (the last covering spell in row order, as `flow`), `ikke i data` when none does. Within a
/// period (from, to], every week in which a person's status differs from the week before is a
/// move: an exit from the old status (outflow) and an entry into the new one (inflow). So a
/// person who leaves and comes back counts twice, and for every status
/// stock_end = stock_start + inflow − outflow, with net = inflow − outflow.
struct FlowGrossAnalysis: AnalysisOperator {
  /// The points, in order; consecutive pairs are the periods.
  let points: [FlowPoint]
  /// `lasting N`: also count the exits after which the person stays out of the status N weeks.
  var lasting: Int? = nil

  var columns: [PlanColumn] {
    [
      PlanColumn(name: "period_from", type: .period, unit: .week),
      PlanColumn(name: "period_to", type: .period, unit: .week),
      PlanColumn(name: "status", type: .string),
      PlanColumn(name: "stock_start", type: .int64),
      PlanColumn(name: "inflow", type: .int64),
      PlanColumn(name: "outflow", type: .int64),
    ] + (lasting == nil ? [] : [PlanColumn(name: "lasting_outflow", type: .int64)]) + [
      PlanColumn(name: "net", type: .int64),
      PlanColumn(name: "stock_end", type: .int64),
    ]
  }

  var summary: String {
    "flow from \(points.first?.week.description ?? "") to \(points.last?.week.description ?? "") gross"
      + (lasting.map { " lasting \($0)" } ?? "")
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard let spells = try SpellColumns(input), let personColumn = input.column(named: "person"),
      let first = points.first, let final = points.last
    else {
      throw Diagnostic(.error, "flow found no spells in its input")
    }
    for point in points where point.week.ordinal < spells.firstWeek || point.week.ordinal > spells.lastWeek {
      throw Diagnostic(
        .error, "\(point.text) is outside the data: the spells cover \(spells.coverage)",
        hints: ["choose a round, week or month within \(spells.coverage)"])
    }
    let persons = GroupIndex.build(keys: [personColumn])
    let (dictionary, missing) = spells.statusesWithNotInData
    let statusCount = dictionary.count
    let a = first.week.ordinal
    let b = final.week.ordinal
    // With `lasting N` the grid reaches N - 1 weeks past the last point (within the data).
    let gridEnd = Swift.min(spells.lastWeek, b + Int32(Swift.max(0, (lasting ?? 1) - 1)))
    let weeks = Int(gridEnd - a) + 1
    let personCount = persons.groupCount
    // The status code of every person in every week from the first point to the last.
    var grid = [Int32](repeating: missing, count: personCount * weeks)
    var seen = [Bool](repeating: false, count: personCount)
    let last = spells.lastWeek
    let startValid = spells.start.validity
    let endValid = spells.end.validity
    let statusValid = spells.status.validity
    let statusCodes = spells.status.widenedCodes()
    for row in 0..<spells.count {
      if startValid.hasNulls, !startValid.isValid(row) { continue }
      if statusValid.hasNulls, !statusValid.isValid(row) { continue }
      let s = spells.start.ordinals[row]
      let e = (!endValid.hasNulls || endValid.isValid(row)) ? spells.end.ordinals[row] : last
      let lo = Swift.max(s, a)
      let hi = Swift.min(e, gridEnd)
      if lo > hi { continue }
      let person = Int(persons.groupOf[row])
      // Counted: persons with a spell between the first and the last point (not only after it).
      if lo <= Swift.min(e, b) { seen[person] = true }
      let code = Int32(statusCodes[row])
      let base = person * weeks
      for w in Int(lo - a)...Int(hi - a) { grid[base + w] = code }
    }
    // Per period and status: stock at start, entries, exits, stock at end.
    let periods = points.count - 1
    var stockStart = [Int64](repeating: 0, count: periods * statusCount)
    var stockEnd = stockStart
    var inflow = stockStart
    var outflow = stockStart
    var lastingOutflow = stockStart
    let need = lasting ?? 0
    var counted = 0
    for person in 0..<personCount where seen[person] {
      counted += 1
      let base = person * weeks
      for k in 0..<periods {
        let from = Int(points[k].week.ordinal - a)
        let to = Int(points[k + 1].week.ordinal - a)
        let cell = k * statusCount
        stockStart[cell + Int(grid[base + from])] += 1
        stockEnd[cell + Int(grid[base + to])] += 1
        if to > from {
          for w in (from + 1)...to where grid[base + w] != grid[base + w - 1] {
            let left = grid[base + w - 1]
            outflow[cell + Int(left)] += 1
            inflow[cell + Int(grid[base + w])] += 1
            // Lasting: out of the status in each of the N weeks from the exit week on, all observed.
            if need > 0, w + need - 1 < weeks {
              var stays = true
              for j in w..<(w + need) where grid[base + j] == left {
                stays = false
                break
              }
              if stays { lastingOutflow[cell + Int(left)] += 1 }
            }
          }
        }
      }
    }
    var fromWeeks: [Int32] = []
    var toWeeks: [Int32] = []
    var codes: [UInt32] = []
    var columns: [[Int64]] = [[], [], [], [], [], []]
    let order = (0..<statusCount).sorted { DanishCollation.areInIncreasingOrder(dictionary[$0], dictionary[$1]) }
    for k in 0..<periods {
      for status in order {
        let cell = k * statusCount + status
        if stockStart[cell] == 0 && stockEnd[cell] == 0 && inflow[cell] == 0 && outflow[cell] == 0 { continue }
        fromWeeks.append(points[k].week.ordinal)
        toWeeks.append(points[k + 1].week.ordinal)
        codes.append(UInt32(status))
        columns[0].append(stockStart[cell])
        columns[1].append(inflow[cell])
        columns[2].append(outflow[cell])
        columns[3].append(inflow[cell] - outflow[cell])
        columns[4].append(stockEnd[cell])
        columns[5].append(lastingOutflow[cell])
      }
    }
    let valid = ValidityMask(allValid: codes.count)
    var named: [(String, Column)] = [
      ("period_from", .period(PeriodColumn(unit: .week, ordinals: fromWeeks, validity: valid))),
      ("period_to", .period(PeriodColumn(unit: .week, ordinals: toWeeks, validity: valid))),
      ("status", .string(StringColumn(codes: codes, dictionary: dictionary, validity: valid))),
      ("stock_start", .int64(Int64Column(columns[0]))),
      ("inflow", .int64(Int64Column(columns[1]))),
      ("outflow", .int64(Int64Column(columns[2]))),
    ]
    if lasting != nil { named.append(("lasting_outflow", .int64(Int64Column(columns[5])))) }
    named += [
      ("net", .int64(Int64Column(columns[3]))),
      ("stock_end", .int64(Int64Column(columns[4]))),
    ]
    let table = Table(named)
    notes.append("\(counted) persons with a spell between \(first.text) and \(final.text); periods: "
      + zip(points, points.dropFirst()).map { "\($0.0.week)–\($0.1.week)" }.joined(separator: ", "))
    notes.append(
      "a round = the last ISO week of its data_til month in runder; from one round to another, every round between is a point")
    notes.append("status = the spell covering the week; '\(BenefitStatus.notInData)' = no spell covers it")
    notes.append(
      "stock_start/stock_end = persons in the status at the period's first/last week; inflow/outflow = moves into/out of "
        + "the status, week by week after the first week up to the last (a person who leaves and returns counts twice); "
        + "net = inflow − outflow = stock_end − stock_start")
    if let lasting {
      notes.append(
        "lasting_outflow = the outflow after which the person is out of the status in each of the \(lasting) weeks "
          + "from the exit week on (exit week included); an exit closer than that to the data's end "
          + "(\(Period(unit: .week, ordinal: spells.lastWeek))) cannot be seen to last and is not counted")
    }
    return table
  }
}
