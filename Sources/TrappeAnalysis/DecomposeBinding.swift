import TrappeBase
import TrappeQuery

/// Binds `decompose MEASURE for KOMMUNE [against GROUP] [k=N] by VARIABLE` (reads the measure's table).
///
/// GROUP and `exclude` are as for `bench` (default `peers`, the VIP2 method municipalities excluded); the input is pooled over all its
/// rows, so filter a round first (`resultater | where runde == 5 | decompose ...`).
enum DecomposeBinding: AnalysisBinding {
  static let keyword = "decompose"
  static let defaultSource = "resultater"

  static let help = LanguageEntry(
    name: "decompose", kind: .analysis,
    syntax: "decompose MEASURE for KOMMUNE [against GROUP] [exclude GROUP|none] [k=N] by VARIABLE",
    summary:
      "Split a municipality's gap to its peers into composition (Σ (p − P)·R) and rate (Σ p·(r − R)) by the categories of a variable (direct standardisation). By an int or period variable the column keeps its type and the total row has NULL there.",
    example: "resultater | where runde == 5 | decompose i_gang for Slagelse against region by herkomst | select herkomst, share = round(share, 1), rate = round(rate, 2), composition = round(composition, 3), rate_part = round(rate_part, 3)",
    result: "herkomst,share,rate,composition,rate_part\ndansk,73.6,12.99,-0.623,1.516\nefterkommer,5.3,13.04,0.152,0.019\nindvandrer,21.1,7.1,0.365,-0.209\ntotal,100.0,11.75,-0.107,1.326")

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    for clause in spec.clauses where !["for", "against", "by", "k", "exclude"].contains(clause.word) {
      throw context.error(
        "decompose does not take '\(clause.word)'", at: clause.wordRange,
        hints: ["decompose takes: \(Parser.usage(of: "decompose"))"])
    }
    let measure = try BenchBinding.measureArgument(spec, context: context)
    try context.requireComputable(
      measure, on: input, subject: "the measure '\(measure.name)'", at: spec.positional[0].range)
    guard input.contains(where: { $0.name == "kommune" }) else {
      throw context.error("decompose needs a column 'kommune' in its input", at: spec.keywordRange)
    }
    guard let forClause = spec.clause("for"), forClause.values.count == 1, let first = forClause.values.first else {
      throw context.error(
        "decompose needs one municipality: for KOMMUNE", at: spec.clause("for")?.wordRange ?? spec.keywordRange,
        hints: ["e.g. decompose i_gang for Slagelse by herkomst"])
    }
    guard let variable = try BenchBinding.periodArgument(spec, input: input, context: context) else {
      throw context.error(
        "decompose needs by VARIABLE, the categories to decompose over", at: spec.keywordRange,
        hints: ["e.g. by herkomst or by ydelse"])
    }
    let directory = try MunicipalityDirectory(context: context, at: spec.keywordRange)
    let kommune = try directory.resolve(first, context: context)
    let exclusion = try PeerExclusion.resolve(spec.clause("exclude"), directory: directory, context: context)
    let group = try ComparisonGroup.resolve(
      spec.clause("against"), k: try BenchBinding.kArgument(spec, context: context), for: [kommune],
      directory: directory, context: context, at: spec.keywordRange, exclusion: exclusion)
    return DecomposeOperator(
      measure: measure, kommune: kommune, mention: first.range, source: context.source, group: group,
      variable: variable.name, variableType: variable.type, variableUnit: variable.unit)
  }
}
