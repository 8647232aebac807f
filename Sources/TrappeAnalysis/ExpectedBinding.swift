import TrappeBase
import TrappeQuery

/// Binds `expected MEASURE on (VARIABLE, ...) [by PERIOD] [model]`.
///
/// The variables are municipality-level columns of the input (one value per municipality, per
/// period with `by`): numbers, or text (a region), which becomes one 0/1 column per value
/// besides the first. See ``ExpectedOperator`` for the method.
enum ExpectedBinding: AnalysisBinding {
  static let keyword = "expected"
  static let defaultSource = "kommunepanel"

  static let help = LanguageEntry(
    name: "expected", kind: .analysis,
    syntax: "expected MEASURE on (VARIABLE, ...) [by PERIOD] [model] [ci]",
    summary:
      "Expected vs actual: a weighted least-squares regression of the municipalities' values of the measure on framework variables (weights = the denominators); per municipality actual, expected, diff = actual − expected, rank (1 = furthest on the better side of its expected value) and n; model lists the coefficients with standard errors and R². ci (or .ci on) adds expected_lo/expected_hi: expected ∓ 1.96 standard errors of the fitted mean (the model's expected level, not a prediction interval for the actual value).",
    example:
      "jobindsats_y30r21 | where periode == \"2022QMAT04\" and ydelsesgruppe == \"Kontanthjælp mv.\" | join (kommuner | select kommune, region) on kommune | expected y30_andel on (region) | sort by rank | select kommune, actual = round(actual, 2), expected = round(expected, 3), diff = round(diff, 3), rank | take 3",
    result: "kommune,actual,expected,diff,rank\nSolrød,1.44,3.447,-2.007,1\nFanø,1.61,3.488,-1.878,2\nGreve,2.02,3.447,-1.427,3")

  static let clauseWords: Set<String> = ["on", "by", "model", "ci"]

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    for clause in spec.clauses where !clauseWords.contains(clause.word) {
      throw context.unexpectedClause(clause, in: spec)
    }
    let measure = try BenchBinding.measureArgument(spec, context: context)
    try context.requireComputable(
      measure, on: input, subject: "the measure '\(measure.name)'", at: spec.positional[0].range)
    guard input.contains(where: { $0.name == "kommune" }) else {
      throw context.error(
        "expected needs a column 'kommune' in its input", at: spec.keywordRange,
        hints: ["columns: \(input.map(\.name).joined(separator: ", "))"])
    }
    let period = try BenchBinding.periodArgument(spec, input: input, context: context)
    guard let on = spec.clause("on") else {
      throw context.error(
        "expected needs the framework variables: on (VARIABLE, ...)", at: spec.positional[0].range,
        hints: ["e.g. expected \(measure.name) on (ledighed_pct, region)"])
    }
    var variables: [ExpectedOperator.Variable] = []
    for value in on.values {
      guard let name = context.name(of: value), case .column = value.kind else {
        throw context.error(
          "expected a column name", at: value.range,
          hints: ["compute it first: | extend x = ... | expected \(measure.name) on (x)"])
      }
      guard let column = input.first(where: { $0.name == name }) else {
        throw context.error(
          "the input has no column '\(name)'", at: value.range,
          hints: ["columns: \(input.map(\.name).joined(separator: ", "))"]
        ).suggesting(Suggestion.nearest(to: name, in: input.map(\.name)))
      }
      if name == "kommune" || name == period?.name {
        throw context.error("'\(name)' cannot be a framework variable", at: value.range)
      }
      let categorical: Bool
      switch column.type {
      case .int64, .double, .bool: categorical = false
      case .string: categorical = true
      default:
        throw context.error(
          "'\(name)' is a \(column.type): a framework variable is a number or text", at: value.range)
      }
      if variables.contains(where: { $0.name == name }) {
        throw context.error("'\(name)' is named twice", at: value.range)
      }
      variables.append(ExpectedOperator.Variable(name: name, categorical: categorical, range: value.range))
    }
    if variables.isEmpty {
      throw context.error("on needs at least one variable", at: on.wordRange, hints: ["e.g. on (region)"])
    }
    if let model = spec.clause("model"), !model.values.isEmpty {
      throw context.error("model takes no value", at: model.values[0].range)
    }
    var expected = ExpectedOperator(
      measure: measure, variables: variables, period: period, model: spec.clause("model") != nil,
      source: context.source, keywordRange: spec.keywordRange,
      integerCounts: MeasureEvaluator.denominatorIsInteger(input, measure: measure))
    expected.intervals = context.wantsIntervals(spec) && !expected.model
    return expected
  }
}
