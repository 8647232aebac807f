import TrappeBase
import TrappeQuery

/// Binds `bench MEASURE [for KOMMUNE, ...] [against GROUP] [k=N] [by PERIOD] [min_n=N] [unweighted] [funnel]`.
///
/// The municipalities default to the five VIP2 method municipalities
/// (`kommuner | where vip2`); the group defaults to `peers` with k = 10.
enum BenchBinding: AnalysisBinding {
  static let keyword = "bench"
  static let defaultSource = "resultater"

  static let help = LanguageEntry(
    name: "bench", kind: .analysis,
    syntax:
      "bench MEASURE [for KOMMUNE, ...] [against peers|region|kommunegruppe|expected|GROUP|TABLE|(KOMMUNE, ...)] [exclude GROUP|none] [k=N] [by PERIOD] [min_n=N] [unweighted] [funnel] [ci]",
    summary:
      "Benchmark municipalities (default: the VIP2 method municipalities) on a measure: value, peers excluding itself, national, pooled top 10, differences, ranks, and with by the change and difference-in-differences. "
      + "Ranks and the top 10 follow the measure's direction (measure … better higher|lower; higher is assumed when it does not say): rank 1 and the top 10 are the best in that direction. "
      + "Only municipalities with n (the measure's denominator, whatever it counts) of at least min_n in a period may be in the top 10 (default min_n=100; min_n=0 lets every municipality in); all are still ranked, and the footer counts (and names) those below min_n and flags a benchmarked municipality among them. "
      + "against peers (the k nearest, see peers) and against kommunegruppe (the municipality's own Statistics Denmark group, dataset kommunegrupper) leave out the VIP2 method municipalities (treated units are not comparison units) unless exclude none; exclude GROUP, KOMMUNE, ... leaves out more, and also filters any other group. Your own clusters (e.g. the ministry's comparable jobcentres): against (Køge, Holbæk, ...), or .load klynger.csv as klynger with the columns kommune (or kommunekode) and gruppe, one row per municipality, then against klynger compares each municipality with its own cluster. against expected compares with the measure's published expected value. "
      + "funnel adds a column funnel: the value against funnel-plot limits p0 ± z·√(p0(1−p0)/n) around national_value (z = 1.96 for 95 %, 3.09 for 99.8 %; shares only; overdispersion not adjusted): above 99.8 %, above 95 %, inside, below 95 %, below 99.8 %. "
      + "ci (or .ci on) adds 95 % intervals: value_lo/value_hi, peer_value_lo/_hi, national_value_lo/_hi (Wilson for shares of persons; Wilson with n = person-weeks / 52 for shares of weeks; Poisson score for other ratios), and diff_peers/diff_national (and did_*) _lo/_hi by Newcombe/MOVER with a _sig flag when the interval leaves out 0; the footer states the method.",
    example: "bench i_gang for Slagelse against region by runde | select runde, value = round(value, 2), peer_value = round(peer_value, 2), rank_peers, rank_national",
    result: "runde,value,peer_value,rank_peers,rank_national\n1,10.81,14.23,16,78\n2,14.14,14.31,9,50\n3,13.54,14.4,11,49\n4,15.73,14.06,7,37\n5,11.75,10.53,7,37")

  /// The clause words bench understands.
  static let clauseWords: Set<String> = ["for", "against", "by", "k", "unweighted", "min_n", "exclude", "funnel", "ci"]

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    for clause in spec.clauses where !clauseWords.contains(clause.word) {
      throw context.error(
        "bench does not take '\(clause.word)'", at: clause.wordRange, hints: ["bench takes: \(Parser.usage(of: "bench"))"])
    }
    let measure = try measureArgument(spec, context: context)
    try context.requireComputable(
      measure, on: input, subject: "the measure '\(measure.name)'", at: spec.positional[0].range)
    guard input.contains(where: { $0.name == "kommune" }) else {
      throw context.error(
        "bench needs a column 'kommune' in its input", at: spec.keywordRange,
        hints: ["columns: \(input.map(\.name).joined(separator: ", "))"])
    }
    let period = try periodArgument(spec, input: input, context: context)
    let directory = try MunicipalityDirectory(context: context, at: spec.keywordRange)
    var municipalities: [String] = []
    var mentions: [String: SourceRange] = [:]
    if let clause = spec.clause("for") {
      for value in clause.values {
        let name = try directory.resolve(value, context: context)
        if !municipalities.contains(name) { municipalities.append(name) }
        mentions[name] = value.range
      }
    } else {
      municipalities = directory.methodMunicipalities
    }
    let k = try kArgument(spec, context: context)
    let exclusion = try PeerExclusion.resolve(spec.clause("exclude"), directory: directory, context: context)
    let group = try ComparisonGroup.resolve(
      spec.clause("against"), k: k, for: municipalities, directory: directory, context: context,
      at: spec.keywordRange, exclusion: exclusion)
    try group.requireExpected(of: measure, clause: spec.clause("against"), context: context)
    var bench = BenchOperator(
      measure: measure, municipalities: municipalities, mentions: mentions, source: context.source, group: group,
      period: period, unweighted: spec.clause("unweighted") != nil,
      integerCounts: MeasureEvaluator.denominatorIsInteger(input, measure: measure))
    bench.minimumN = try minimumNArgument(spec, context: context)
    bench.funnel = spec.clause("funnel") != nil
    bench.intervals = context.wantsIntervals(spec)
    return bench
  }

  /// The `min_n=N` clause (default 100): a number ≥ 0 that n must reach for the top 10.
  static func minimumNArgument(_ spec: AnalysisSpec, context: AnalysisContext) throws(Diagnostic) -> Double {
    guard let clause = spec.clause("min_n") else { return BenchOperator.defaultMinimumN }
    let hints = [
      "min_n=N: only municipalities with at least N in the measure's denominator may be in the top 10; min_n=0 lets all in"
    ]
    guard let value = clause.values.first else {
      throw context.error("min_n needs a number, e.g. min_n=100", at: clause.wordRange, hints: hints)
    }
    switch value.kind {
    case .integer(let n) where n >= 0: return Double(n)
    case .double(let n) where n >= 0 && n.isFinite: return n
    default: throw context.error("min_n must be a number of at least 0", at: value.range, hints: hints)
    }
  }

  /// The measure named by the first positional argument, with a did-you-mean.
  static func measureArgument(_ spec: AnalysisSpec, context: AnalysisContext) throws(Diagnostic)
    -> MeasureDefinition
  {
    guard let first = spec.positional.first else {
      throw context.error(
        "\(spec.keyword) needs a measure", at: spec.keywordRange,
        hints: ["measures: \(context.measures.names.joined(separator: ", "))"])
    }
    if spec.positional.count > 1 {
      throw context.error(
        "\(spec.keyword) takes one measure", at: spec.positional[1].range,
        hints: ["use for KOMMUNE, ... to name municipalities"])
    }
    guard let name = context.name(of: first), let measure = context.measures.measure(name) else {
      let text = context.name(of: first) ?? context.source[first.range]
      throw context.error(
        "unknown measure '\(text)'", at: first.range,
        hints: ["measures: \(context.measures.names.joined(separator: ", "))"]
      ).suggesting(Suggestion.nearest(to: text, in: context.measures.names))
    }
    return measure
  }

  /// The `by` column, checked against the input.
  static func periodArgument(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext)
    throws(Diagnostic) -> PlanColumn?
  {
    guard let clause = spec.clause("by") else { return nil }
    guard clause.values.count == 1, let name = context.name(of: clause.values[0]) else {
      throw context.error("by takes one column", at: clause.wordRange, hints: ["e.g. by runde"])
    }
    guard let column = input.first(where: { $0.name == name }) else {
      throw context.error(
        "the input has no column '\(name)'", at: clause.values[0].range,
        hints: ["columns: \(input.map(\.name).joined(separator: ", "))"]
      ).suggesting(Suggestion.nearest(to: name, in: input.map(\.name)))
    }
    return column
  }

  /// The `k=N` clause (default 10), a positive integer.
  static func kArgument(_ spec: AnalysisSpec, context: AnalysisContext) throws(Diagnostic) -> Int {
    guard let clause = spec.clause("k") else { return 10 }
    guard let value = clause.values.first, case .integer(let k) = value.kind, k > 0, k < 1000 else {
      throw context.error("k must be a positive whole number", at: clause.values.first?.range ?? clause.wordRange)
    }
    return Int(k)
  }
}
