import TrappeBase
import TrappeQuery

/// Binds `peers KOMMUNE [k=N] [on (VARIABLE, ...)] [as NAME]` (reads `kommunepanel` by default).
///
/// The variables default to befolkning, ledighed_pct (100 · fuldtidsledige /
/// befolkning) and kh_pct (100 · kontanthjaelp_jan / befolkning) of the earliest
/// year in the input; filter another year first to use it.
enum PeersBinding: AnalysisBinding {
  static let keyword = "peers"
  static let defaultSource = "kommunepanel"

  static let help = LanguageEntry(
    name: "peers", kind: .analysis, syntax: "peers KOMMUNE [k=N] [on (VARIABLE, ...)] [as NAME]",
    summary:
      "The k municipalities nearest to KOMMUNE (Euclidean distance of z-scores; default befolkning, ledighed_pct, kh_pct in the earliest year); as NAME saves them for bench ... against NAME.",
    example: "peers Slagelse k=3 | select rank, kommune, distance = round(distance, 3)",
    result: "rank,kommune,distance\n1,Høje-Taastrup,0.735\n2,Norddjurs,0.938\n3,Svendborg,0.941")

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    for clause in spec.clauses where !["k", "on", "as"].contains(clause.word) {
      throw context.error(
        "peers does not take '\(clause.word)'", at: clause.wordRange,
        hints: ["peers takes: \(Parser.usage(of: "peers"))"])
    }
    guard spec.positional.count == 1, let first = spec.positional.first else {
      throw context.error(
        "peers takes one municipality", at: spec.positional.dropFirst().first?.range ?? spec.keywordRange,
        hints: ["e.g. peers Slagelse k=10"])
    }
    for required in ["kommune", "kommunekode"] where !input.contains(where: { $0.name == required }) {
      throw context.error("peers needs a column '\(required)' in its input", at: spec.keywordRange)
    }
    let directory = try MunicipalityDirectory(context: context, at: spec.keywordRange)
    let kommune = try directory.resolve(first, context: context)
    let k = try BenchBinding.kArgument(spec, context: context)
    var variables = PeerFinder.defaultVariables
    let available = PeerFinder.availableVariables(in: input.map(\.name))
    if let clause = spec.clause("on") {
      variables = []
      for value in clause.values {
        guard let name = context.name(of: value), available.contains(name) else {
          let text = context.name(of: value) ?? context.source[value.range]
          throw context.error(
            "unknown variable '\(text)'", at: value.range, hints: ["variables: \(available.joined(separator: ", "))"]
          ).suggesting(Suggestion.nearest(to: text, in: available))
        }
        let type = input.first { $0.name == name }?.type
        if let type, type != .int64, type != .double {
          throw context.error("'\(name)' is not a number", at: value.range)
        }
        if !variables.contains(name) { variables.append(name) }
      }
      if variables.isEmpty {
        throw context.error("on needs at least one variable", at: clause.wordRange, hints: ["e.g. on (befolkning)"])
      }
    } else {
      for name in variables where !available.contains(name) {
        throw context.error(
          "the input has no '\(name)' for the default variables", at: spec.keywordRange,
          hints: ["name variables with on (VARIABLE, ...)"])
      }
    }
    var saveAs: String?
    if let clause = spec.clause("as") {
      guard clause.values.count == 1, let name = context.name(of: clause.values[0]), case .column = clause.values[0].kind
      else {
        throw context.error("as takes one name", at: clause.wordRange, hints: ["e.g. as slagelse_peers"])
      }
      if name == "peers" || name == "region" {
        throw context.error("'\(name)' already means something after against", at: clause.values[0].range)
      }
      saveAs = name
    }
    return PeersOperator(
      kommune: kommune, mention: first.range, source: context.source, k: k, variables: variables, saveAs: saveAs,
      groups: context.groups,
      integerVariables: Set(variables.filter { name in input.first { $0.name == name }?.type == .int64 }))
  }
}
