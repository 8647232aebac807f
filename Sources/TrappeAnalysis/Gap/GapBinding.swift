import TrappeBase
import TrappeQuery

/// Binds `gap [TARGET, ...] [for KOMMUNE, ...] [by PERIOD]`: how far each municipality is from the Ny Chance targets.
///
/// Targets come from the table `maal` (`maal_id`, `sammenligning`, `taerskel`) and are
/// computed by the measure with the same name; without `for`, the five method
/// municipalities (`kommuner.vip2`) are reported.
enum GapBinding: AnalysisBinding {
  static let keyword = "gap"
  static let defaultSource = "resultater"

  static let help = LanguageEntry(
    name: "gap", kind: .analysis,
    syntax: "gap [TARGET, ...] [for KOMMUNE, ...|alle] [by PERIOD] [ci]  |  gap [TARGET, ...] cohort [from WEEK] [lag=N] "
      + "[for KOMMUNE, ...|alle] [by runde] [ci]",
    summary:
      "How far each municipality is from the targets in maal: value, threshold, gap_pp, met, short (persons or "
      + "person-weeks short, rounded up); with by, rounds_to_target and trend at the pace of the last two periods. "
      + "On resultater the built-in measures are rolling: 12 months before the round over the stock at the round. "
      + "gap … cohort computes the Ny Chance targets as defined, from forloeb: the cohort is the persons on "
      + "kontanthjælp or starthjælp in the start week (the effort's start, maal.indsats_fra, clipped to the data's "
      + "first week 2007W01; from WEEK sets it), followed to a cut-off: i_gang = persons who started a job or "
      + "education / cohort persons; selvforsoergende = weeks selvforsørgende or uddannelse / all weeks; aktivering "
      + "= weeks in aktivering / weeks on kontanthjælp, starthjælp or in aktivering. Without by it is judged at "
      + "the target date (maal.indsats_til, July 2008); by runde cuts each round at runder.data_til (2 months "
      + "before the round, the DREAM lag; lag=N: N months before), the cut-off week being the last ISO week whose "
      + "Thursday falls in that month, and adds pace_pp_month, months_to_target, trend and after_target (the "
      + "cut-off is after the target date). numerator and denominator are shown. "
      + "ci (or .ci on) adds value_lo and value_hi, a 95 % interval: Wilson for shares of persons; for shares of "
      + "person-weeks Wilson with an effective n (person-weeks / 52; in a cohort at most its persons), stated in the footer.",
    example: "resultater | where ydelse == \"kontanthjælp\" | gap i_gang for Slagelse by runde",
    result: "kommune,runde,maal,value,threshold,gap_pp,met,short,rounds_to_target,trend\nSlagelse,1,i_gang,10.96,25.0,-14.04,false,122,,\nSlagelse,2,i_gang,14.34,25.0,-10.66,false,90,4,approaching\nSlagelse,3,i_gang,13.3,25.0,-11.7,false,97,,moving away\nSlagelse,4,i_gang,15.74,25.0,-9.26,false,74,4,approaching\nSlagelse,5,i_gang,11.83,25.0,-13.17,false,108,,moving away")

  /// The clause words `gap` understands.
  static let clauseWords: Set<String> = ["for", "by", "ci"]

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    if spec.clause("cohort") != nil { return try bindCohort(spec, input: input, context: context) }
    for clause in spec.clauses where !clauseWords.contains(clause.word) {
      if ["from", "lag"].contains(clause.word) {
        throw context.error(
          "'\(clause.word)' goes with gap … cohort", at: clause.wordRange, hints: ["gap … cohort takes: " + cohortUsage])
      }
      throw context.error(
        "gap does not take '\(clause.word)'", at: clause.wordRange,
        hints: ["gap takes: gap [TARGET, ...] [for KOMMUNE, ...] [by PERIOD]"])
    }
    let names = input.map(\.name)
    guard names.contains("kommune") else {
      throw context.error(
        "gap needs a column 'kommune' with the municipality names", at: spec.keywordRange,
        hints: ["columns: \(names.joined(separator: ", "))"])
    }
    var period: PlanColumn?
    if let by = spec.clause("by") {
      guard by.values.count == 1, let value = by.values.first, let name = context.name(of: value) else {
        throw context.error("by takes one period column, e.g. by runde", at: by.wordRange)
      }
      guard let column = input.first(where: { $0.name == name }) else {
        throw context.error(
          "the input has no column '\(name)'", at: value.range, hints: ["columns: \(names.joined(separator: ", "))"]
        )
        .suggesting(Suggestion.nearest(to: name, in: names))
      }
      if column.name == "kommune" || GapOperator.valueColumns.contains(column.name) {
        throw context.error(
          "by needs a period column such as runde, not '\(column.name)'", at: value.range,
          hints: ["rename it first: | rename periode = \(column.name)"])
      }
      period = column
    }
    let targets = try GapBinding.targets(spec, input: input, context: context)
    let municipalities = try GapBinding.municipalities(spec.clause("for"), context: context, at: spec.keywordRange)
    var calendar: GapRoundCalendar?
    if period?.name == "runde" {
      calendar = GapRoundCalendar(runder: try context.resolveTable("runder"), maal: try context.resolveTable("maal"))
    }
    var gap = GapOperator(targets: targets, municipalities: municipalities, period: period, calendar: calendar)
    gap.intervals = context.wantsIntervals(spec)
    return gap
  }
}
