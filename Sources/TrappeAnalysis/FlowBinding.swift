import TrappeBase
import TrappeQuery

/// Binds `flow from A to B [by COLUMN]` on a spells table.
enum FlowBinding: AnalysisBinding {
  static let keyword = "flow"
  static let defaultSource = "forloeb"

  static let help = LanguageEntry(
    name: "flow", kind: .analysis, syntax: "flow from POINT to POINT [by COLUMN | gross [lasting N] | for KOMMUNE against peers [k=N]]",
    summary: "Persons by status at two points and where they went: from_status, to_status, persons and "
      + "row_pct (share of the persons with that from_status). A point is a round (1–5: the data the "
      + "round had, the last ISO week (its Thursday in the month) of the round's data_til month in runder, two months "
      + "before the round for the DREAM lag), a week (2008W05) or a month (2008-03, "
      + "the week of its 15th). Reads forloeb; 'ikke i data' = no spell covers the week. With gross: per period "
      + "between consecutive points (every round from A to B) and status, stock_start, inflow and outflow (moves "
      + "into and out of the status week by week; a person who leaves and returns counts twice), net = inflow − "
      + "outflow and stock_end = stock_start + net; lasting N adds lasting_outflow, the exits after which the "
      + "person is out of the status in each of the N weeks from the exit week on. for KOMMUNE against peers puts the "
      + "municipality's flow next to its k nearest peers' (default 3, as forloeb holds) pooled: peer_persons, "
      + "peer_row_pct and diff_pct in percentage points.",
    example: "flow from 1 to 5 | where from_status == \"kontanthjælp\" | top 3 by persons",
    result: "from_status,to_status,persons,row_pct\nkontanthjælp,kontanthjælp,6663,41.0\nkontanthjælp,selvforsørgende,4847,29.8\nkontanthjælp,aktivering,2297,14.1")

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    if let first = spec.positional.first {
      throw context.error(
        "flow takes no value before its clauses", at: first.range, hints: ["flow takes: " + Parser.usage(of: "flow")])
    }
    var from: FlowPoint?
    var to: FlowPoint?
    var by: PlanColumn?
    var gross = false
    var lasting: Int?
    for clause in spec.clauses {
      if clause.word == "gross" {
        gross = true
        continue
      }
      guard clause.values.count == 1, let value = clause.values.first else {
        throw context.error(
          "'\(clause.word)' takes one value", at: clause.wordRange, hints: ["flow takes: " + Parser.usage(of: "flow")])
      }
      switch clause.word {
      case "from": from = try FlowPoint.resolve(value, context: context)
      case "to": to = try FlowPoint.resolve(value, context: context)
      case "by": by = try context.column(value, in: input, for: "flow")
      case "for", "against": continue
      case "k" where spec.clause("against") != nil: continue
      case "lasting":
        guard case .integer(let n) = value.kind, n >= 1, n <= 520 else {
          throw context.error(
            "lasting takes a number of weeks from 1 to 520", at: value.range, hints: ["e.g. flow from 1 to 5 gross lasting 13"])
        }
        lasting = Int(n)
      default: throw context.unexpectedClause(clause, in: spec)
      }
    }
    guard let from, let to else {
      throw context.error(
        "flow needs both 'from' and 'to'", at: spec.keywordRange, hints: ["e.g. flow from 1 to 5"])
    }
    if from.week > to.week, let clause = spec.clause("from"), let value = clause.values.first {
      throw context.error(
        "'from' (\(from.text)) is after 'to' (\(to.text))", at: value.range,
        hints: ["swap them: flow from \(to.week) to \(from.week)"])
    }
    try context.requireSpellColumns(["person", "start_uge", "slut_uge", "status"], in: input, for: spec)
    if lasting != nil, !gross, let clause = spec.clause("lasting") {
      throw context.error(
        "'lasting' counts exits in gross flows", at: clause.wordRange,
        hints: ["add gross: flow from 1 to 5 gross lasting 13"])
    }
    if gross {
      if let clause = spec.clause("by") {
        throw context.error(
          "flow … gross does not take 'by' yet", at: clause.wordRange,
          hints: ["filter first: forloeb | where kommune == \"Slagelse\" | flow from 1 to 5 gross"])
      }
      var points = [from, to]
      // From one round to another: every round between is a point.
      if case .integer(let a)? = spec.clause("from")?.values.first?.kind,
        case .integer(let b)? = spec.clause("to")?.values.first?.kind, b > a + 1,
        let range = spec.clause("from")?.values.first?.range
      {
        points = [from]
        for round in (a + 1)..<b { points.append(try FlowPoint.round(Int(round), at: range, context: context)) }
        points.append(to)
      }
      if from.week == to.week, let value = spec.clause("to")?.values.first {
        throw context.error("gross flows need two different points", at: value.range, hints: ["e.g. flow from 1 to 5 gross"])
      }
      return FlowGrossAnalysis(points: points, lasting: lasting)
    }
    let flow = FlowAnalysis(from: from, to: to, by: by)
    if let against = spec.clause("against") {
      guard let forClause = spec.clause("for"), let value = forClause.values.first, forClause.values.count == 1 else {
        throw context.error(
          "flow … against peers needs one municipality: for KOMMUNE", at: against.wordRange,
          hints: ["e.g. flow from 1 to 5 for Slagelse against peers"])
      }
      if let by = spec.clause("by") {
        throw context.error("flow … against peers does not take 'by' yet", at: by.wordRange)
      }
      let directory = try MunicipalityDirectory(context: context, at: spec.keywordRange)
      let name = try directory.resolve(value, context: context)
      // forloeb holds each method municipality with its 3 nearest peers: k defaults to 3.
      let k = spec.clause("k") == nil ? 3 : try BenchBinding.kArgument(spec, context: context)
      let exclusion = try PeerExclusion.resolve(spec.clause("exclude"), directory: directory, context: context)
      let group = try ComparisonGroup.resolve(
        against, k: k, for: [name], directory: directory, context: context, at: spec.keywordRange, exclusion: exclusion)
      return FlowPeersAnalysis(
        flow: flow, municipality: name, peers: group.members[name] ?? [], details: [group.label] + group.details)
    }
    if let clause = spec.clause("for") {
      throw context.error("'for' goes with 'against': flow from 1 to 5 for KOMMUNE against peers", at: clause.wordRange)
    }
    return flow
  }
}
