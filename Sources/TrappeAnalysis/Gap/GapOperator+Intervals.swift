import TrappeStorage
import TrappeQuery

/// `gap … ci` (or `.ci on`): the 95 % interval of each value, by the target measure's
/// ``RateIntervalMethod`` on the municipality's pooled numerator and denominator.
extension GapOperator {
  /// The interval columns after the others: value_lo, value_hi.
  var intervalPlanColumns: [PlanColumn] {
    intervals ? [PlanColumn(name: "value_lo", type: .double), PlanColumn(name: "value_hi", type: .double)] : []
  }

  /// value_lo and value_hi of `rows` (unrounded; NULL where the value is).
  func intervalColumns(_ rows: [GapCell]) -> [(String, Column)] {
    [
      ("value_lo", GapOperator.doubles(rows.map { $0.interval?.low })),
      ("value_hi", GapOperator.doubles(rows.map { $0.interval?.high })),
    ]
  }

  /// The footer lines: each target's method, and what met means next to the interval.
  func intervalNotes() -> [String] {
    var lines: [String] = []
    for target in targets {
      let note = RateIntervalMethod(target.measure).note(target.measure)
      lines.append("\(target.id): " + note)
    }
    lines.append(
      "ci: met compares the value itself with the threshold; when the threshold lies between value_lo and value_hi, the municipality's standing on that target cannot be told from sampling noise")
    return lines
  }
}
