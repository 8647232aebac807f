import TrappeBase
import TrappeQuery

/// Binds `survival [for STATUS, ...] [by COLUMN] [weeks N]` on a spells table.
enum SurvivalBinding: AnalysisBinding {
  static let keyword = "survival"
  static let defaultSource = "forloeb"

  static let help = LanguageEntry(
    name: "survival", kind: .analysis, syntax: "survival [for STATUS, ...] [by COLUMN | by destination] [weeks N]",
    summary: "Kaplan–Meier curves of time on benefit: per group and week (4, 8, 13, 26, 52, 78, 104, or every N), "
      + "spells at risk, exits and the share still on (%) with its 95 % interval (still_on_lo, still_on_hi: "
      + "Greenwood on the log(−log) scale). The footer gives each group's median with its 95 % interval "
      + "(Brookmeyer–Crowley) and, with by, the log-rank test (chi², df, p). by destination: competing risks, "
      + "the cumulative incidence (%) per exit destination (Aalen–Johansen; the status of the person's next "
      + "spell), whose rows add up to 100 % with (still on). Duration = slut_uge − start_uge + 1 weeks; NULL "
      + "slut_uge = censored. Default statuses: " + BenefitStatus.defaults.joined(separator: ", ")
      + "; quote statuses with a hyphen (\"a-dagpenge\"). Reads forloeb.",
    example: "survival by herkomst weeks 13 | where week == 26 | select herkomst, week, at_risk, events, still_on_pct",
    result: "herkomst,week,at_risk,events,still_on_pct\ndansk,26,40579,14465,39.1\nefterkommer,26,3229,1233,34.4\nindvandrer,26,14632,4909,41.0")

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    if let first = spec.positional.first {
      throw context.error(
        "survival takes no value before its clauses", at: first.range,
        hints: ["survival takes: " + Parser.usage(of: "survival"), "statuses go after 'for': survival for kontanthjælp"])
    }
    var statuses = BenefitStatus.defaults
    var chosen = false
    var by: PlanColumn?
    var step: Int?
    var byDestination = false
    for clause in spec.clauses {
      switch clause.word {
      case "for":
        statuses = []
        for value in clause.values {
          guard let name = context.name(of: value) else {
            throw context.error(
              "expected a status", at: value.range, hints: ["e.g. survival for kontanthjælp, \"a-dagpenge\""])
          }
          if !statuses.contains(name) { statuses.append(name) }
        }
        chosen = true
      case "by":
        guard clause.values.count == 1, let value = clause.values.first else {
          throw context.error("'by' takes one column", at: clause.wordRange, hints: ["e.g. survival by herkomst"])
        }
        if context.name(of: value) == "destination", !input.contains(where: { $0.name == "destination" }) {
          byDestination = true
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
    try context.requireSpellColumns(["start_uge", "slut_uge", "status"], in: input, for: spec)
    if byDestination { try context.requireSpellColumns(["person"], in: input, for: spec) }
    var analysis = SurvivalAnalysis(statuses: statuses, chosen: chosen, by: by, step: step)
    analysis.byDestination = byDestination
    return analysis
  }
}
