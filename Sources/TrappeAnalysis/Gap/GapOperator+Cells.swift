import TrappeBase
import TrappeStorage
import TrappeQuery

extension GapOperator {
  /// The municipalities to report, checked against the input's `kommune` column.
  func chosenMunicipalities(_ input: Table, notes: inout [String]) throws(Diagnostic) -> [String] {
    guard let column = input.column(named: "kommune") else {
      throw Diagnostic(.error, "gap needs a column 'kommune' with the municipality names")
    }
    var present: [String] = []
    var seen: Set<String> = []
    for row in 0..<input.rowCount {
      if let name = column.value(at: row).stringValue, seen.insert(name).inserted { present.append(name) }
    }
    return try GapOperator.choose(municipalities, present: present, notes: &notes)
  }

  /// The municipalities to report out of those `present` in the input (in order of appearance).
  /// A name from kommuner finds the input's rows in any spelling (Aarhus finds Århus).
  static func choose(_ municipalities: GapMunicipalities, present: [String], notes: inout [String])
    throws(Diagnostic) -> [String]
  {
    let seen = Set(present)
    var spelled: [String: String] = [:]
    for name in present { spelled[MunicipalityNames.key(name)] = spelled[MunicipalityNames.key(name)] ?? name }
    let inInput = { (name: String) -> String in
      seen.contains(name) ? name : spelled[MunicipalityNames.key(name)] ?? name
    }
    switch municipalities {
    case .all:
      return present
    case .listed(let listed):
      let names = listed.map(inInput)
      for name in names where !seen.contains(name) {
        throw Diagnostic(
          .error, "the input has no rows for the municipality '\(name)'",
          hints: [
            "in the input: \(present.prefix(5).joined(separator: ", "))"
              + (present.count > 5 ? " and \(present.count - 5) more" : "")
          ]
        ).suggesting(Suggestion.nearest(to: name, in: present))
      }
      return names
    case .method(let method):
      let names = method.map(inInput)
      let found = names.filter { seen.contains($0) }
      guard !found.isEmpty else {
        throw Diagnostic(
          .error, "none of the method municipalities (\(names.joined(separator: ", "))) is in the input",
          hints: ["name them: gap for \(present.prefix(2).joined(separator: ", ")), or gap for alle"])
      }
      let absent = names.filter { !seen.contains($0) }
      if !absent.isEmpty { notes.append("not in the input: \(absent.joined(separator: ", "))") }
      return found
    }
  }

  /// The distinct periods in the input, in order; `[nil]` without `by`.
  func periodValues(_ input: Table) throws(Diagnostic) -> [Value?] {
    guard let period else { return [nil] }
    guard let column = input.column(named: period.name) else {
      throw Diagnostic(.error, "the input has no column '\(period.name)'")
    }
    var values: Set<Value> = []
    for row in 0..<input.rowCount where column.isValid(row) { values.insert(column.value(at: row)) }
    return values.sorted(by: GapOperator.precedes)
  }

  /// Orders period values: numbers and periods by size, text alphabetically.
  static func precedes(_ a: Value, _ b: Value) -> Bool {
    switch (a, b) {
    case (.int64(let x), .int64(let y)): return x < y
    case (.period(let x), .period(let y)): return x < y
    case (.double(let x), .double(let y)): return x < y
    default: return a.description < b.description
    }
  }

  /// How many periods lie between two period values (1 for neighbours; text periods count by position).
  static func steps(from a: Value?, to b: Value?, positions: (Int, Int)) -> Double {
    switch (a, b) {
    case (.int64(let x)?, .int64(let y)?): return Double(y - x)
    case (.period(let x)?, .period(let y)?) where x.unit == y.unit: return Double(y.ordinal - x.ordinal)
    default: return Double(positions.1 - positions.0)
    }
  }

  /// The totals keyed by municipality and period: numerator and denominator.
  static func index(_ totals: Table, hasPeriod: Bool) -> [String: (Double?, Double?)] {
    var result: [String: (Double?, Double?)] = [:]
    guard let kommune = totals.column(named: "kommune"), let numerator = totals.column(named: "numerator"),
      let denominator = totals.column(named: "denominator")
    else { return result }
    let periodColumn = hasPeriod ? totals.columns[1] : nil
    for row in 0..<totals.rowCount {
      guard let name = kommune.value(at: row).stringValue else { continue }
      let key = name + "\u{1}" + (periodColumn.map { $0.value(at: row).description } ?? "")
      result[key] = (numerator.value(at: row).doubleValue, denominator.value(at: row).doubleValue)
    }
    return result
  }

  /// One municipality's cells on one target, period by period, with the pace from the period before.
  func cellSeries(
    target: GapTarget, kommune: String, periods: [Value?], sums: [String: (Double?, Double?)],
    missing: inout [String], zero: inout [String]
  ) -> [GapCell] {
    var cells: [GapCell] = []
    var previous: (position: Int, value: Double)?
    let scale = target.measure.scale
    for (position, periodValue) in periods.enumerated() {
      var cell = GapCell(kommune: kommune, period: periodValue, target: target.id, threshold: target.threshold)
      let label = kommune + (periodValue.map { " \(period?.name ?? "") \($0.description)" } ?? "")
      guard let (numerator, denominator) = sums[kommune + "\u{1}" + (periodValue?.description ?? "")] else {
        if !missing.contains(label) { missing.append(label) }
        cells.append(cell)
        continue
      }
      guard let numerator, let denominator, denominator != 0, scale != 0 else {
        zero.append("\(label) \(target.id)")
        cells.append(cell)
        continue
      }
      let value = scale * numerator / denominator
      let met = target.comparison.isMet(value, threshold: target.threshold)
      cell.value = GapOperator.rounded(value)
      if intervals {
        cell.interval = RateIntervalMethod(target.measure).interval(
          numerator: numerator, denominator: denominator, measure: target.measure)
      }
      cell.gap = GapOperator.rounded(value - target.threshold)
      cell.met = met
      cell.short =
        met ? 0 : target.comparison.shortfall(numerator: numerator, needed: target.threshold * denominator / scale)
      if period != nil {
        (cell.rounds, cell.trend) = target.comparison.pace(
          value: value, threshold: target.threshold, met: met,
          previous: previous.map {
            (
              $0.value,
              GapOperator.steps(from: periods[$0.position], to: periodValue, positions: ($0.position, position))
            )
          })
      }
      previous = (position, value)
      cells.append(cell)
    }
    return cells
  }

  /// A value rounded to two decimals for display; the comparisons use the exact value.
  static func rounded(_ value: Double) -> Double {
    let result = (value * 100).rounded() / 100
    return result == 0 ? 0 : result
  }
}
