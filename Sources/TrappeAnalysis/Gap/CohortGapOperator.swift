import TrappeBase
import TrappeStorage
import TrappeQuery

/// Runs `gap … cohort`: the three Ny Chance targets measured on a fixed cohort from person-level spells.
///
/// The cohort is the persons on kontant- or starthjælp in the start week (``CohortDefinition``);
/// each target is a ratio of the cohort's pooled counts from the start week to a data cut-off:
/// the standing at the target date (no `by`), or at each round's cut-off (`by runde`, from
/// `runder.data_til` or `lag=N` months before the round), with the pace per month between cut-offs.
struct CohortGapOperator: AnalysisOperator {
  /// Its notes define its columns (`diff_peers, diff_national: …`): a footer leaves out those of columns not shown.
  var notesDefineColumns: Bool { true }
  let targets: [CohortTarget]
  let municipalities: GapMunicipalities
  /// The cut-offs of `by runde`; nil for the standing at each target's target date.
  let rounds: [CohortCutOff]?
  /// The start week written with `from`; nil = the effort's start clipped to the data.
  let start: Period?
  /// `lag=N` when written (the cut-off is N months before each round).
  let lag: Int?
  /// Whether to add the values' 95 % intervals (`ci`, or `.ci on`): CohortGapOperator+Intervals.
  var intervals = false

  init(targets: [CohortTarget], municipalities: GapMunicipalities, rounds: [CohortCutOff]?, start: Period?, lag: Int?) {
    self.targets = targets
    self.municipalities = municipalities
    self.rounds = rounds
    self.start = start
    self.lag = lag
  }

  var columns: [PlanColumn] {
    var columns = [PlanColumn(name: "kommune", type: .string)]
    if rounds != nil { columns.append(PlanColumn(name: "runde", type: .int64)) }
    columns += [
      PlanColumn(name: "maal", type: .string), PlanColumn(name: "cut_off", type: .period, unit: .week),
      PlanColumn(name: "numerator", type: .int64), PlanColumn(name: "denominator", type: .int64),
      PlanColumn(name: "value", type: .double), PlanColumn(name: "threshold", type: .double),
      PlanColumn(name: "gap_pp", type: .double), PlanColumn(name: "met", type: .bool),
      PlanColumn(name: "short", type: .int64),
    ]
    if rounds != nil {
      columns += [
        PlanColumn(name: "pace_pp_month", type: .double), PlanColumn(name: "months_to_target", type: .int64),
        PlanColumn(name: "trend", type: .string), PlanColumn(name: "after_target", type: .bool),
      ]
    }
    return columns + intervalPlanColumns
  }

  /// Persons (i_gang) and person-weeks are both counts: small ones are suppressed with `.suppress`.
  var countColumns: [String] { ["numerator", "denominator"] }

  var derivedColumns: [String: [String]] {
    let counts = ["numerator", "denominator"]
    var derived = ["value": counts, "gap_pp": counts, "met": counts, "short": counts]
    // The interval is computed from the same counts, so .suppress hides it with the value.
    if intervals { derived["value_lo"] = counts; derived["value_hi"] = counts }
    if rounds != nil {
      for name in ["pace_pp_month", "months_to_target", "trend"] { derived[name] = counts }
    }
    return derived
  }

  var summary: String {
    "gap \(targets.map(\.id).joined(separator: ", ")) cohort"
      + (start.map { " from \($0)" } ?? "") + (lag.map { " lag=\($0)" } ?? "")
      + " for \(municipalities.text)" + (rounds != nil ? " by runde" : "") + (intervals ? " ci" : "")
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    guard input.rowCount > 0, let spells = try SpellColumns(input) else {
      throw Diagnostic(
        .error, "gap … cohort has no spells to work on: the stages before it kept none",
        hints: ["check the where conditions before gap"])
    }
    guard let personColumn = input.column(named: "person"), case .string(let kommune)? = input.column(named: "kommune")
    else {
      throw Diagnostic(.error, "gap … cohort needs the columns person and kommune (text), like forloeb")
    }
    let startWeek = try chosenStart(spells, notes: &notes)
    let cutOffs = self.cutOffs
    var present: [String] = []
    var seen: Set<String> = []
    for row in 0..<input.rowCount {
      if let name = kommune[row], seen.insert(name).inserted { present.append(name) }
    }
    let chosen = try GapOperator.choose(municipalities, present: present, notes: &notes)
    let weeks = cutOffs.map(\.week.ordinal)
    let persons = GroupIndex.build(keys: [personColumn])
    let totals = CohortGapOperator.totals(
      spells: spells, persons: persons, kommune: kommune, kommuner: chosen, start: startWeek.ordinal, cutOffs: weeks)
    let rows = cells(chosen: chosen, totals: totals, cutOffs: cutOffs, start: startWeek, lastWeek: spells.lastWeek)
    notes += describe(rows: rows, cutOffs: cutOffs, start: startWeek, spells: spells, totals: totals, chosen: chosen)
    if intervals {
      notes += intervalNotes()
      let base = table(rows)
      return Table(Array(zip(base.schema.fields.map(\.name), base.columns)) + intervalColumns(rows))
    }
    return table(rows)
  }

  /// The cut-offs to compute: the rounds', or each target's target date.
  var cutOffs: [CohortCutOff] {
    if let rounds { return rounds }
    var result: [CohortCutOff] = []
    for target in targets {
      guard let month = target.targetMonth, !result.contains(where: { $0.dataTil == month }) else { continue }
      result.append(CohortCutOff(round: nil, roundMonth: nil, dataTil: month))
    }
    return result
  }

  /// The start week: as written, else the effort's start (`maal.indsats_fra`) or the data's first week, whichever is later.
  func chosenStart(_ spells: SpellColumns, notes: inout [String]) throws(Diagnostic) -> Period {
    let first = Period(unit: .week, ordinal: spells.firstWeek)
    if let start {
      guard start.ordinal >= spells.firstWeek, start.ordinal <= spells.lastWeek else {
        throw Diagnostic(
          .error, "the cohort's start \(start) is outside the data: the spells cover \(spells.coverage)",
          hints: ["choose a start within \(spells.coverage), e.g. from \(first)"])
      }
      return start
    }
    guard let effort = targets.compactMap(\.effortStart).min() else { return first }
    let effortWeek = CohortDefinition.firstWeek(of: effort)
    return effortWeek.ordinal >= spells.firstWeek ? effortWeek : first
  }
}
