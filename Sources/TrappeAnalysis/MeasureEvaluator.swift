import TrappeBase
import TrappeStorage
import TrappeQuery

/// Computes a measure's numerator and denominator per group, as a `summarize` plan over the input.
enum MeasureEvaluator {
  /// The plan `input | summarize numerator = double(NUMERATOR), denominator = double(DENOMINATOR) by KEYS`,
  /// built from the measure's parsed terms (no query text).
  static func plan(_ input: LogicalPlan, measure: MeasureDefinition, by keys: [String]) throws(Diagnostic)
    -> LogicalPlan
  {
    let source = measure.numeratorTerm.source
    func double(_ term: MeasureTerm) -> Expression {
      .call("double", [term.expression], nameRange: term.expression.range, range: term.expression.range)
    }
    do throws(Diagnostic) {
      return try PlanBuilder.summarize(
        input, [("numerator", double(measure.numeratorTerm)), ("denominator", double(measure.denominatorTerm))],
        by: keys, source: source)
    } catch {
      var wrapped = Diagnostic(
        .error, "cannot compute measure \(measure.name) (\(measure.text)): \(error.message)", hints: error.hints)
      wrapped.hints.insert(contentsOf: error.sourceLine.map { ["in: \($0)"] } ?? [], at: 0)
      throw wrapped
    }
  }

  /// Checks, when an analysis is bound, that the measure can be computed from `input` by `keys`.
  static func check(_ input: [PlanColumn], measure: MeasureDefinition, by keys: [String]) throws(Diagnostic) {
    _ = try plan(PlanBuilder.placeholder(input, name: "input"), measure: measure, by: keys)
  }

  /// Whether the measure's denominator over `input` is an int (a sum of ints, a count).
  static func denominatorIsInteger(_ input: [PlanColumn], measure: MeasureDefinition) -> Bool {
    let term = measure.denominatorTerm
    let plan = try? PlanBuilder.summarize(
      PlanBuilder.placeholder(input, name: "input"), [("denominator", term.expression)], by: [], source: term.source)
    return plan.map(PlanBuilder.columns)?.last?.type == .int64
  }

  /// Per combination of `keys`: the key columns, then `numerator` and `denominator` (doubles).
  ///
  /// The ratio of any union of groups is `scale * sum(numerator) / sum(denominator)`.
  static func totals(_ input: Table, measure: MeasureDefinition, by keys: [String]) throws(Diagnostic) -> Table {
    try PlanBuilder.run(try plan(PlanBuilder.scan(input, name: "input"), measure: measure, by: keys))
  }
}
