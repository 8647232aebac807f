import TrappeBase
import TrappeStorage

extension CohortGapOperator {
  /// The output rows: per municipality, cut-off (rounds in order) and target, with the pace per month.
  func cells(chosen: [String], totals: [[CohortTotals]], cutOffs: [CohortCutOff], start: Period, lastWeek: Int32)
    -> [CohortGapCell]
  {
    var rows: [CohortGapCell] = []
    for (k, kommune) in chosen.enumerated() {
      var previous: [String: (value: Double, month: Period)] = [:]
      for (j, cutOff) in cutOffs.enumerated() {
        for target in targets {
          if rounds == nil, target.targetMonth != cutOff.dataTil { continue }
          var cell = CohortGapCell(
            kommune: kommune, round: cutOff.round, target: target.id, cutOff: cutOff.week, threshold: target.threshold)
          if rounds != nil, let week = target.targetWeek { cell.afterTarget = cutOff.week > week }
          guard cutOff.week.ordinal >= start.ordinal, cutOff.week.ordinal <= lastWeek else {
            rows.append(cell)
            continue
          }
          let (numerator, denominator) = totals[k][j].ratio(for: target.id)
          cell.numerator = numerator
          cell.denominator = denominator
          cell.persons = totals[k][j].persons
          guard denominator > 0 else {
            rows.append(cell)
            continue
          }
          let value = 100 * Double(numerator) / Double(denominator)
          let met = target.comparison.isMet(value, threshold: target.threshold)
          cell.value = GapOperator.rounded(value)
          cell.gap = GapOperator.rounded(value - target.threshold)
          cell.met = met
          cell.short =
            met
            ? 0
            : target.comparison.shortfall(
              numerator: Double(numerator), needed: target.threshold * Double(denominator) / 100)
          if rounds != nil {
            if let before = previous[target.id] {
              let months = Double(cutOff.dataTil.ordinal - before.month.ordinal)
              if months > 0 { cell.pace = GapOperator.rounded((value - before.value) / months) }
              (cell.months, cell.trend) = target.comparison.pace(
                value: value, threshold: target.threshold, met: met, previous: (before.value, months))
            } else if met {
              (cell.months, cell.trend) = (0, "met")
            }
          }
          previous[target.id] = (value, cutOff.dataTil)
          rows.append(cell)
        }
      }
    }
    return rows
  }
}
