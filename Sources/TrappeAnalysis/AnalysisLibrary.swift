import TrappeBase
import TrappeStorage
import TrappeQuery

/// The analyses as the binder sees them: every analysis command, bound with one session's
/// measures and saved comparison groups.
package struct AnalysisLibrary: AnalysisBinder {
  /// The measures (built-in and `measure` statements).
  package let measures: MeasureRegistry
  /// The groups saved with `peers ... as NAME`.
  package let groups: SavedGroups
  /// The observation window of a table by name (from its dataset's manifest), or nil.
  package let observationWindow: (String) -> ObservationWindow?
  /// Whether the session asked for 95 % intervals on every analysis that has them (`.ci on`).
  package var intervals: Bool

  package init(
    measures: MeasureRegistry, groups: SavedGroups, intervals: Bool = false,
    observationWindow: @escaping (String) -> ObservationWindow? = { _ in nil }
  ) {
    self.measures = measures
    self.groups = groups
    self.intervals = intervals
    self.observationWindow = observationWindow
  }

  package func defaultSource(for spec: AnalysisSpec) -> String? {
    guard let binding = AnalysisRegistry.binding(for: spec.keyword) else { return nil }
    // gap … cohort works on person-level spells.
    if spec.keyword == GapBinding.keyword, spec.clause("cohort") != nil { return "forloeb" }
    // For a measure, the table the measure is meant for.
    if let first = spec.positional.first, case .column(let name, nil) = first.kind,
      let measure = measures.measure(name), !measure.table.isEmpty
    {
      return measure.table
    }
    return binding.defaultSource
  }

  package func bind(
    _ spec: AnalysisSpec, input: [PlanColumn], source: SourceText,
    resolveTable: @escaping (String) throws(Diagnostic) -> Table?
  ) throws(Diagnostic) -> any AnalysisOperator {
    try bind(spec, input: input, inputTables: [], source: source, resolveTable: resolveTable)
  }

  package func bind(
    _ spec: AnalysisSpec, input: [PlanColumn], inputTables: [String], source: SourceText,
    resolveTable: @escaping (String) throws(Diagnostic) -> Table?
  ) throws(Diagnostic) -> any AnalysisOperator {
    guard let binding = AnalysisRegistry.binding(for: spec.keyword) else {
      throw source.diagnostic("the analysis '\(spec.keyword)' is not available", at: spec.keywordRange)
    }
    var context = AnalysisContext(source: source, measures: measures, groups: groups, resolveTable: resolveTable)
    context.observationWindow = inputTables.lazy.compactMap(observationWindow).first
    context.intervals = intervals
    return try binding.bind(spec, input: input, context: context)
  }
}
