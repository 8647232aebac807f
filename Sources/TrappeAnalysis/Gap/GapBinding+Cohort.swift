import TrappeBase
import TrappeStorage
import TrappeQuery

extension GapBinding {
  /// The clause words of `gap … cohort`.
  static let cohortClauseWords: Set<String> = ["cohort", "for", "by", "from", "lag", "ci"]

  /// Binds `gap [TARGET, ...] cohort [from WEEK|MONTH] [lag=N] [for KOMMUNE, ...|alle] [by runde]` on a spells table.
  static func bindCohort(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    for clause in spec.clauses where !cohortClauseWords.contains(clause.word) {
      throw context.error(
        "gap … cohort does not take '\(clause.word)'", at: clause.wordRange,
        hints: ["gap … cohort takes: " + cohortUsage])
    }
    if let cohort = spec.clause("cohort"), let value = cohort.values.first {
      throw context.error(
        "cohort takes no value", at: value.range, hints: ["give the start week with from: gap cohort from 2007W10"])
    }
    try context.requireSpellColumns(["person", "kommune", "start_uge", "slut_uge", "status"], in: input, for: spec)
    let targets = try cohortTargets(spec, context: context)
    var start: Period?
    if let from = spec.clause("from") {
      guard from.values.count == 1, let value = from.values.first else {
        throw context.error("from takes one week or month, e.g. from 2007W10", at: from.wordRange)
      }
      switch value.kind {
      case .period(let period) where period.unit == .week: start = period
      case .period(let period) where period.unit == .month: start = CohortDefinition.firstWeek(of: period)
      default:
        throw context.error(
          "expected the cohort's start week (2007W10) or month (2007-03)", at: value.range,
          hints: ["a month starts with its first ISO week whose Thursday is in the month"])
      }
    }
    var lag: Int?
    if let clause = spec.clause("lag") {
      guard clause.values.count == 1, let value = clause.values.first, case .integer(let months) = value.kind,
        (0...36).contains(months)
      else {
        throw context.error(
          "lag takes a number of months from 0 to 36, e.g. lag=2", at: clause.values.first?.range ?? clause.wordRange,
          hints: ["lag=0 cuts each round's data at the round's own month"])
      }
      lag = Int(months)
    }
    var rounds: [CohortCutOff]?
    if let by = spec.clause("by") {
      guard by.values.count == 1, let value = by.values.first, context.name(of: value) == "runde" else {
        throw context.error(
          "gap … cohort is by runde (the rounds in runder) or not by anything", at: by.values.first?.range ?? by.wordRange,
          hints: ["gap cohort by runde"])
      }
      rounds = try cohortRounds(lag: lag, context: context, at: value.range)
    } else {
      if let clause = spec.clause("lag") {
        throw context.error(
          "lag moves the rounds' cut-offs: it needs by runde", at: clause.wordRange,
          hints: ["gap cohort by runde lag=\(lag ?? 2)"])
      }
      if let target = targets.first(where: { $0.targetMonth == nil }) {
        throw context.error(
          "the target '\(target.id)' has no target date: maal has no indsats_til", at: spec.keywordRange,
          hints: ["gap cohort by runde shows each round's standing"])
      }
    }
    let municipalities = try GapBinding.municipalities(spec.clause("for"), context: context, at: spec.keywordRange)
    var gap = CohortGapOperator(targets: targets, municipalities: municipalities, rounds: rounds, start: start, lag: lag)
    gap.intervals = context.wantsIntervals(spec)
    return gap
  }

  /// One-line usage of `gap … cohort`, for messages.
  static let cohortUsage = "gap [TARGET, ...] cohort [from WEEK] [lag=N] [for KOMMUNE, ...|alle] [by runde] [ci]"

  /// The listed targets (default all three) with their threshold and dates from `maal`.
  static func cohortTargets(_ spec: AnalysisSpec, context: AnalysisContext) throws(Diagnostic) -> [CohortTarget] {
    let maal = try context.table("maal", at: spec.keywordRange)
    guard let idColumn = maal.column(named: "maal_id"), let comparisons = maal.column(named: "sammenligning"),
      let thresholds = maal.column(named: "taerskel")
    else {
      throw context.error(
        "the table maal needs maal_id, sammenligning and taerskel", at: spec.keywordRange,
        hints: ["it has \(maal.schema.names.joined(separator: ", "))"])
    }
    let ids = (0..<maal.rowCount).map { idColumn.value(at: $0).stringValue ?? "" }
    var wanted: [(id: String, range: SourceRange)] = []
    if spec.positional.isEmpty {
      wanted = CohortDefinition.targetIDs.filter(ids.contains).map { ($0, spec.keywordRange) }
    }
    for expression in spec.positional {
      guard let name = context.name(of: expression),
        let id = CohortDefinition.targetIDs.first(where: { $0.lowercased() == name.lowercased() })
      else {
        let written = context.name(of: expression) ?? ""
        throw context.error(
          "gap … cohort computes the Ny Chance targets \(CohortDefinition.targetIDs.joined(separator: ", ")), "
            + "not '\(written)'", at: expression.range,
          hints: ["a measure of your own works on resultater: gap NAME by runde"]
        ).suggesting(Suggestion.nearest(to: written, in: CohortDefinition.targetIDs))
      }
      guard ids.contains(id) else {
        throw context.error("maal has no target '\(id)'", at: expression.range)
      }
      if !wanted.contains(where: { $0.id == id }) { wanted.append((id, expression.range)) }
    }
    var targets: [CohortTarget] = []
    for (id, range) in wanted {
      guard let row = ids.firstIndex(of: id) else { continue }
      let operatorText = (comparisons.value(at: row).stringValue ?? "").trimmed()
      guard let comparison = GapComparison(rawValue: operatorText) else {
        throw context.error(
          "the target '\(id)' compares with '\(operatorText)' in maal.sammenligning", at: range,
          hints: ["gap understands >=, >, <= and <"])
      }
      guard let threshold = thresholds.value(at: row).doubleValue, threshold.isFinite else {
        throw context.error("the target '\(id)' has no threshold in maal.taerskel", at: range)
      }
      let kilde = maal.column(named: "kilde")?.value(at: row).stringValue ?? "maal"
      let first = kilde.split(separator: ";").first.map { String($0) } ?? kilde
      let source = (first.split(separator: "(").first.map { String($0) } ?? first).trimmed()
      targets.append(
        CohortTarget(
          id: id, comparison: comparison, threshold: threshold, source: source,
          targetMonth: month(maal, "indsats_til", row), effortStart: month(maal, "indsats_fra", row)))
    }
    return targets
  }

  /// A month in `table`'s column `name` at `row`, if the column exists and holds one.
  static func month(_ table: Table, _ name: String, _ row: Int) -> Period? {
    guard case .period(let column)? = table.column(named: name), column.unit == .month else { return nil }
    return column[row]
  }

  /// Each round's cut-off: `runder.data_til`, or the round's month minus `lag`.
  static func cohortRounds(lag: Int?, context: AnalysisContext, at range: SourceRange) throws(Diagnostic)
    -> [CohortCutOff]
  {
    var result: [CohortCutOff] = []
    for entry in try EvaluationRound.read(context: context, at: range) {
      let (round, month) = (entry.round, entry.month)
      let cut: Period
      if let lag {
        cut = month.advanced(by: -lag)
      } else if let value = entry.dataTil {
        cut = value
      } else {
        throw context.error(
          "round \(round) has no data_til in runder", at: range, hints: ["give the lag yourself: by runde lag=2"])
      }
      result.append(CohortCutOff(round: round, roundMonth: month, dataTil: cut))
    }
    guard !result.isEmpty else { throw context.error("the table 'runder' has no rounds", at: range) }
    return result.sorted { $0.round ?? 0 < $1.round ?? 0 }
  }
}
