import TrappeBase
import TrappeStorage
import TrappeQuery

/// `flow from A to B [by COLUMN]`: how persons moved between statuses from one week to another.
///
/// Each person's status in a week is the status of the spell that covers it
/// (`start_uge ≤ week ≤ slut_uge`, a NULL `slut_uge` running to the last observed
/// week), or `ikke i data` when no spell covers it. Persons with no spell in
/// either week are left out. The output counts persons per (from, to) pair,
/// with the share of the persons who had the same from-status (within the same
/// `by` group).
struct FlowAnalysis: AnalysisOperator {
  /// The earlier point.
  let from: FlowPoint
  /// The later point.
  let to: FlowPoint
  /// The grouping column, if any.
  let by: PlanColumn?

  var columns: [PlanColumn] {
    (by.map { [$0] } ?? []) + [
      PlanColumn(name: "from_status", type: .string),
      PlanColumn(name: "to_status", type: .string),
      PlanColumn(name: "persons", type: .int64),
      PlanColumn(name: "row_pct", type: .double),
    ]
  }

  /// row_pct is persons over the row's total: `.suppress` hides it where it hides persons
  /// (a share of 1.5 % beside `<5` would give the count away).
  var derivedColumns: [String: [String]] { ["row_pct": ["persons"]] }

  var summary: String {
    "flow from \(from.week) to \(to.week)" + (by.map { " by \($0.name)" } ?? "")
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard let spells = try SpellColumns(input), let personColumn = input.column(named: "person") else {
      throw Diagnostic(.error, "flow found no spells in its input")
    }
    for point in [from, to] where point.week.ordinal < spells.firstWeek || point.week.ordinal > spells.lastWeek {
      throw Diagnostic(
        .error, "\(point.text) is outside the data: the spells cover \(spells.coverage)",
        hints: ["choose a round, week or month within \(spells.coverage)"])
    }
    let persons = GroupIndex.build(keys: [personColumn])
    let groupColumn = by.flatMap { input.column(named: $0.name) }
    let groups = groupColumn.map { GroupIndex.build(keys: [$0]) }

    // The status code of each person at each point; -1 = no spell covers it.
    let (dictionary, missing) = spells.statusesWithNotInData
    let statusCount = dictionary.count
    var fromCode = [Int32](repeating: -1, count: persons.groupCount)
    var toCode = [Int32](repeating: -1, count: persons.groupCount)
    var groupRow = [Int32](repeating: -1, count: persons.groupCount)
    let a = from.week.ordinal
    let b = to.week.ordinal
    let last = spells.lastWeek
    let startValid = spells.start.validity
    let endValid = spells.end.validity
    let statusValid = spells.status.validity
    spells.start.ordinals.withUnsafeBufferPointer { starts in
      spells.end.ordinals.withUnsafeBufferPointer { ends in
        spells.status.widenedCodes().withUnsafeBufferPointer { codes in
          persons.groupOf.withUnsafeBufferPointer { personOf in
            for row in 0..<starts.count {
              if startValid.hasNulls, !startValid.isValid(row) { continue }
              if statusValid.hasNulls, !statusValid.isValid(row) { continue }
              let first = starts[row]
              let final = (!endValid.hasNulls || endValid.isValid(row)) ? ends[row] : last
              let person = Int(personOf[row])
              if first <= a, a <= final {
                fromCode[person] = Int32(codes[row])
                groupRow[person] = Int32(row)
              }
              if first <= b, b <= final {
                toCode[person] = Int32(codes[row])
                if groupRow[person] < 0 { groupRow[person] = Int32(row) }
              }
            }
          }
        }
      }
    }

    // Count persons per (group, from, to) and per (group, from).
    var cells: [Int: (row: Int32, persons: Int)] = [:]
    var fromTotals: [Int: Int] = [:]
    var counted = 0
    for person in 0..<persons.groupCount {
      let row = groupRow[person]
      if row < 0 { continue }
      counted += 1
      let group = groups.map { Int($0.groupOf[Int(row)]) } ?? 0
      let f = Int(fromCode[person] < 0 ? missing : fromCode[person])
      let t = Int(toCode[person] < 0 ? missing : toCode[person])
      let fromKey = group * statusCount + f
      cells[fromKey * statusCount + t, default: (row, 0)].persons += 1
      fromTotals[fromKey, default: 0] += 1
    }

    var rows: [Int32] = []
    var fromCodes: [UInt32] = []
    var toCodes: [UInt32] = []
    var counts: [Int64] = []
    var shares: [Double] = []
    for (key, cell) in cells {
      let fromKey = key / statusCount
      rows.append(cell.row)
      fromCodes.append(UInt32(fromKey % statusCount))
      toCodes.append(UInt32(key % statusCount))
      counts.append(Int64(cell.persons))
      let total = fromTotals[fromKey] ?? cell.persons
      shares.append((Double(cell.persons) * 1000 / Double(total)).rounded() / 10)
    }
    let valid = ValidityMask(allValid: rows.count)
    var named: [(String, Column)] = []
    if let by, let groupColumn { named.append((by.name, groupColumn.gather(rows))) }
    named += [
      ("from_status", .string(StringColumn(codes: fromCodes, dictionary: dictionary, validity: valid))),
      ("to_status", .string(StringColumn(codes: toCodes, dictionary: dictionary, validity: valid))),
      ("persons", .int64(Int64Column(counts))),
      ("row_pct", .double(DoubleColumn(shares))),
    ]
    let table = Table(named)
    let keyNames = (by.map { [$0.name] } ?? []) + ["from_status", "persons", "to_status"]
    let keys = keyNames.compactMap { table.column(named: $0) }
    let order = SortKernel.permutation(keys: keys, descending: keyNames.map { $0 == "persons" })

    notes.append("\(counted) persons, from \(from.text) to \(to.text)")
    notes.append(
      "a round = the last ISO week of its data_til month in runder (the data the round had: DREAM runs lag "
        + "about two months); a month = the ISO week containing its 15th")
    notes.append("status = the spell covering the week; '\(BenefitStatus.notInData)' = no spell covers it")
    notes.append("row_pct = persons / persons with that from_status\(by.map { " and \($0.name)" } ?? "") × 100")
    let left = persons.groupCount - counted
    if left > 0 { notes.append("\(left) persons with no spell in either week are left out") }
    return table.gather(order)
  }
}
