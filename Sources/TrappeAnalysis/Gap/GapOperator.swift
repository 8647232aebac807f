import TrappeBase
import TrappeStorage
import TrappeQuery

/// Runs `gap`: each municipality's value on each target, its distance to the threshold, and the pace towards it.
///
/// Values are ratios of sums (`scale * sum(numerator) / sum(denominator)`) over the
/// municipality's rows in the input (per period with `by`), never averages of percentages.
struct GapOperator: AnalysisOperator {
  /// Its notes define its columns (`diff_peers, diff_national: …`): a footer leaves out those of columns not shown.
  var notesDefineColumns: Bool { true }
  let targets: [GapTarget]
  let municipalities: GapMunicipalities
  /// The period column of `by`, if given.
  let period: PlanColumn?
  /// The rounds' months and the target date, with `by runde` when `runder` has them (for the footer).
  let calendar: GapRoundCalendar?
  /// Whether to add the values' 95 % intervals (`ci`, or `.ci on`): GapOperator+Intervals.
  var intervals = false

  init(targets: [GapTarget], municipalities: GapMunicipalities, period: PlanColumn?, calendar: GapRoundCalendar? = nil) {
    self.targets = targets
    self.municipalities = municipalities
    self.period = period
    self.calendar = calendar
  }

  /// The output column names after the key columns.
  static let valueColumns = ["maal", "value", "threshold", "gap_pp", "met", "short", "rounds_to_target", "trend"]

  var columns: [PlanColumn] {
    var columns = [PlanColumn(name: "kommune", type: .string)]
    if let period { columns.append(period) }
    columns += [
      PlanColumn(name: "maal", type: .string), PlanColumn(name: "value", type: .double),
      PlanColumn(name: "threshold", type: .double), PlanColumn(name: "gap_pp", type: .double),
      PlanColumn(name: "met", type: .bool), PlanColumn(name: "short", type: .int64),
    ]
    if period != nil {
      columns += [PlanColumn(name: "rounds_to_target", type: .int64), PlanColumn(name: "trend", type: .string)]
    }
    return columns + intervalPlanColumns
  }

  var summary: String {
    "gap \(targets.map(\.id).joined(separator: ", ")) for \(municipalities.text)"
      + (period.map { " by \($0.name)" } ?? "") + (intervals ? " ci" : "")
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard input.rowCount > 0 else {
      throw Diagnostic(
        .error, "gap has no rows to work on: the stages before it kept none",
        hints: ["check the where conditions before gap"])
    }
    let chosen = try chosenMunicipalities(input, notes: &notes)
    let periods = try periodValues(input)
    return try run(chosen: chosen, periods: periods, notes: &notes) { target throws(Diagnostic) in
      let keys = ["kommune"] + (period.map { [$0.name] } ?? [])
      let totals = try MeasureEvaluator.totals(input, measure: target.measure, by: keys)
      return GapOperator.index(totals, hasPeriod: period != nil)
    }
  }

  /// The output for the `chosen` municipalities and the `periods` of the input, from each
  /// target's numerator and denominator per municipality (and period): `sums(target)`, as
  /// ``index(_:hasPeriod:)`` keys them.
  func run(
    chosen: [String], periods: [Value?], notes: inout [String],
    sums totals: (GapTarget) throws(Diagnostic) -> [String: (Double?, Double?)]
  ) throws(Diagnostic) -> Table {
    var series: [String: [GapCell]] = [:]
    var missing: [String] = []
    var zero: [String] = []
    for target in targets {
      let sums = try totals(target)
      for kommune in chosen {
        let cells = cellSeries(
          target: target, kommune: kommune, periods: periods, sums: sums, missing: &missing, zero: &zero)
        series[kommune + "\u{1}" + target.id] = cells
      }
    }
    var rows: [GapCell] = []
    for kommune in chosen {
      for index in periods.indices {
        for target in targets {
          if let cell = series[kommune + "\u{1}" + target.id]?[index] { rows.append(cell) }
        }
      }
    }
    notes += describe(periods: periods, rows: rows, missing: missing, zero: zero)
    if intervals {
      notes += intervalNotes()
      let base = table(rows)
      return Table(Array(zip(base.schema.fields.map(\.name), base.columns)) + intervalColumns(rows))
    }
    return table(rows)
  }
}
