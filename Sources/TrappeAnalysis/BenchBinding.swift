import TrappeBase
import TrappeQuery

/// Binds `bench MEASURE [for KOMMUNE, ...] [against GROUP] [k=N] [by PERIOD] [unweighted]`.
///
/// The municipalities default to the five VIP2 method municipalities
/// (`kommuner | where vip2`); the group defaults to `peers` with k = 10.
enum BenchBinding: AnalysisBinding {
  static let keyword = "bench"
  static let defaultSource = "resultater"

  static let help = LanguageEntry(
    name: "bench", kind: .analysis,
    syntax: "bench MEASURE [for KOMMUNE, ...] [against peers|region|GROUP|(KOMMUNE, ...)] [k=N] [by PERIOD] [unweighted]",
    summary:
      "Benchmark municipalities (default: the VIP2 method municipalities) on a measure: value, peers excluding itself, national, pooled top 10, differences, ranks, and with by the change and difference-in-differences.",
    example: "bench i_gang for Slagelse against region by runde | select runde, value = round(value, 2), peer_value = round(peer_value, 2), rank_peers, rank_national",
    result: "runde,value,peer_value,rank_peers,rank_national\n1,10.81,14.23,16,78\n2,14.14,14.31,9,50\n3,13.54,14.4,11,49\n4,15.73,14.06,7,37\n5,11.75,10.53,7,37")

  /// The clause words bench understands.
  static let clauseWords: Set<String> = ["for", "against", "by", "k", "unweighted"]

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
    let group = try ComparisonGroup.resolve(
      spec.clause("against"), k: k, for: municipalities, directory: directory, context: context,
      at: spec.keywordRange)
    return BenchOperator(
      measure: measure, municipalities: municipalities, mentions: mentions, source: context.source, group: group,
      period: period, unweighted: spec.clause("unweighted") != nil,
      integerCounts: MeasureEvaluator.denominatorIsInteger(input, measure: measure))
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
