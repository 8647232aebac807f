import TrappeBase
import TrappeStorage
import TrappeQuery

/// Binds `survival [for STATUS, ...] [on support] [until STATUS, ...] [inflow FROM TO] [entry COLUMN]
/// [first] [by COLUMN] [weeks N]` on a spells table.
enum SurvivalBinding: AnalysisBinding {
  static let keyword = "survival"
  static let defaultSource = "forloeb"

  static let help = LanguageEntry(
    name: "survival", kind: .analysis, syntax: Parser.usage(of: "survival"),
    summary: "Kaplan–Meier curves of time on benefit: per group and week (4, 8, 13, 26, 52, 78, 104, or every N), "
      + "subjects at risk, exits and the share still on (%). `for` names the benefit (without it: the one benefit in "
      + "the input, else an error listing them). Duration = last week − start + 1 weeks; a spell still running is "
      + "censored at the end of the dataset's observation window (its manifest: forloeb 2009W26), not of the "
      + "filtered rows. `on support` merges consecutive spells of public support (" + BenefitStatus.support.joined(separator: ", ")
      + ") into one, as DREAM analyses do. `until STATUS, ...` makes the event moving to those statuses (other "
      + "exits censored). `inflow FROM TO` keeps spells starting in those weeks (an inflow cohort). Delayed entry: "
      + "with a true-start column (`entry COLUMN`, e.g. forloeb's start_faktisk; `entry start_uge` = none), spells "
      + "begun before the window are at risk from their true duration. `first`: each person's first "
      + "spell. Each row has the share still on with its 95 % interval (still_on_lo, still_on_hi: Greenwood on the "
      + "log(−log) scale); the footer gives each group's median with its 95 % interval (Brookmeyer–Crowley) and, "
      + "with by, the log-rank test (chi², df, p). by destination: competing risks, the cumulative incidence (%) per "
      + "exit destination (Aalen–Johansen; the status of the person's next spell), whose rows add up to 100 % with "
      + "(still on); it combines with on support (where people went when public support ended), inflow, entry and "
      + "first (not with until, which picks one exit). Quote statuses with a hyphen (\"a-dagpenge\"). Reads forloeb.",
    example: "survival for kontanthjælp by herkomst weeks 13 | where week == 26 | select herkomst, week, at_risk, events, still_on_pct",
    result: "herkomst,week,at_risk,events,still_on_pct\ndansk,26,34088,12038,40.0\nefterkommer,26,2655,1041,33.9\nindvandrer,26,8830,2915,42.1")

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    if let first = spec.positional.first {
      throw context.error(
        "survival takes no value before its clauses", at: first.range,
        hints: ["survival takes: " + Parser.usage(of: "survival"), "statuses go after 'for': survival for kontanthjælp"])
    }
    var statuses: [String] = []
    var chosen = false
    var by: PlanColumn?
    var step: Int?
    var support = false
    var until: [String] = []
    var inflow: ClosedRange<Int32>?
    var entry: String?
    var entryChosen = false
    var firstOnly = false
    var needsPerson = false
    var byDestination = false
    func names(_ clause: AnalysisClause) throws(Diagnostic) -> [String] {
      var result: [String] = []
      for value in clause.values {
        guard let name = context.name(of: value) else {
          throw context.error(
            "expected a status", at: value.range, hints: ["e.g. survival \(clause.word) kontanthjælp, \"a-dagpenge\""])
        }
        if !result.contains(name) { result.append(name) }
      }
      return result
    }
    func week(_ value: Expression, last: Bool) throws(Diagnostic) -> Int32 {
      guard case .period(let period) = value.kind else {
        throw context.error(
          "'inflow' takes two periods, e.g. inflow 2007W14 2007W26", at: value.range,
          hints: ["weeks, months or quarters: inflow 2007Q2 2007Q3"])
      }
      return Self.weeks(of: period, last: last)
    }
    var index = 0
    while index < spec.clauses.count {
      let clause = spec.clauses[index]
      index += 1
      switch clause.word {
      case "for":
        statuses = try names(clause)
        chosen = true
      case "until":
        until = try names(clause)
        needsPerson = true
      case "on":
        guard clause.values.count == 1, let value = clause.values.first, context.name(of: value)?.lowercased() == "support"
        else {
          throw context.error(
            "survival takes 'on support' (spells of public support merged)", at: clause.values.first?.range ?? clause.wordRange,
            hints: ["e.g. survival for kontanthjælp on support"])
        }
        support = true
        needsPerson = true
      case "inflow":
        var values = clause.values
        // `inflow FROM to TO`.
        if values.count == 1, index < spec.clauses.count, spec.clauses[index].word == "to" {
          values += spec.clauses[index].values
          index += 1
        }
        guard values.count == 2 else {
          throw context.error(
            "'inflow' takes two periods: the first and last week of the inflow", at: clause.wordRange,
            hints: ["e.g. survival for kontanthjælp inflow 2007W14 2007W26"])
        }
        let from = try week(values[0], last: false)
        let to = try week(values[1], last: true)
        guard from <= to else {
          throw context.error("'inflow' runs from the earlier period to the later", at: values[0].range.union(values[1].range))
        }
        inflow = from...to
      case "entry":
        guard clause.values.count == 1, let value = clause.values.first else {
          throw context.error("'entry' takes one column: the spell's true start week", at: clause.wordRange)
        }
        let column = try context.column(value, in: input, for: "survival")
        guard column.type == .period, column.unit == nil || column.unit == .week else {
          throw context.error(
            "'entry' needs a column of ISO weeks (the spell's true start)", at: value.range,
            hints: ["e.g. survival for kontanthjælp entry start_faktisk"])
        }
        entry = column.name == "start_uge" ? nil : column.name
        entryChosen = true
      case "first":
        firstOnly = true
        needsPerson = true
      case "by":
        guard clause.values.count == 1, let value = clause.values.first else {
          throw context.error("'by' takes one column", at: clause.wordRange, hints: ["e.g. survival by herkomst"])
        }
        if context.name(of: value) == "destination", !input.contains(where: { $0.name == "destination" }) {
          byDestination = true
          needsPerson = true
          continue
        }
        by = try context.column(value, in: input, for: "survival")
      case "weeks":
        guard clause.values.count == 1, let value = clause.values.first, case .integer(let n) = value.kind, n >= 1,
          n <= 520
        else {
          throw context.error(
            "'weeks' takes a whole number of weeks from 1 to 520", at: clause.values.first?.range ?? clause.wordRange,
            hints: ["e.g. survival weeks 4"])
        }
        step = Int(n)
      default:
        throw context.unexpectedClause(clause, in: spec)
      }
    }
    try context.requireSpellColumns(
      ["start_uge", "slut_uge", "status"] + (needsPerson ? ["person"] : []), in: input, for: spec)
    var analysis = SurvivalAnalysis(
      statuses: statuses, chosen: chosen, by: by, step: step, support: support, until: until, inflow: inflow,
      entryColumn: entry, entryChosen: entryChosen, firstOnly: firstOnly, window: context.observationWindow)
    analysis.byDestination = byDestination
    return analysis
  }

  /// The first (or last) ISO week of a period: a week whose Thursday is in the period belongs to it.
  static func weeks(of period: Period, last: Bool) -> Int32 {
    if period.unit == .week { return period.ordinal }
    let (year, month): (Int, Int)
    let span: Int
    switch period.unit {
    case .year: (year, month, span) = (period.year, 1, 12)
    case .quarter: (year, month, span) = (period.year, ((period.quarter ?? 1) - 1) * 3 + 1, 3)
    default: (year, month, span) = (period.year, period.month ?? 1, 1)
    }
    let startDay = CivilDate.days(year: year, month: month, day: 1)
    let endMonth = month + span
    let endDay = CivilDate.days(year: year + (endMonth - 1) / 12, month: (endMonth - 1) % 12 + 1, day: 1) - 1
    // The week containing a day: Mondays since the reference Monday; the day's Thursday decides.
    func weekOf(thursdayOnOrAfter day: Int) -> Int32 {
      let weekday = CivilDate.weekday(day)
      let thursday = day + ((3 - weekday) + 7) % 7
      return Int32((thursday - 3 - CivilDate.referenceMonday).floorDiv(7))
    }
    func weekOf(thursdayOnOrBefore day: Int) -> Int32 {
      let weekday = CivilDate.weekday(day)
      let thursday = day - ((weekday - 3) + 7) % 7
      return Int32((thursday - 3 - CivilDate.referenceMonday).floorDiv(7))
    }
    return last ? weekOf(thursdayOnOrBefore: endDay) : weekOf(thursdayOnOrAfter: startDay)
  }
}
