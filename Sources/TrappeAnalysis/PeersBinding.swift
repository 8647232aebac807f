import TrappeBase
import TrappeQuery

/// Binds `peers KOMMUNE [k=N] [on (VARIABLE [from TABLE], ...)] [exclude GROUP|none] [stability]
/// [as NAME]` (reads `kommunepanel` by default).
///
/// The variables default to befolkning, ledighed_pct (100 · fuldtidsledige /
/// befolkning) and kh_pct (100 · kontanthjaelp_jan / befolkning) of the earliest
/// year in the input; filter another year first to use it. `VARIABLE from TABLE` takes a
/// municipality-level column of another table (``PeerSideVariable``). The VIP2 method
/// municipalities are not candidates unless `exclude none` (``PeerExclusion``). `stability`
/// lists, for every year of the input, how many of the earliest year's peers are still peers.
enum PeersBinding: AnalysisBinding {
  static let keyword = "peers"
  static let defaultSource = "kommunepanel"

  static let help = LanguageEntry(
    name: "peers", kind: .analysis,
    syntax: "peers KOMMUNE [k=N] [on (VARIABLE [from TABLE], ...)] [exclude GROUP|none] [stability] [as NAME]",
    summary:
      "The k municipalities nearest to KOMMUNE (Euclidean distance of z-scores over all municipalities; default befolkning, ledighed_pct, kh_pct in the earliest year). The VIP2 method municipalities (group vip2_metode) are never peers: treated units are not comparison units; exclude GROUP, KOMMUNE, ... leaves out more groups or municipalities besides them, exclude none lets everyone in. VARIABLE from TABLE takes a column of another table (a dataset, let table or loaded CSV with kommunekode or kommune, and aar to match years), one value per municipality. A warning says when KOMMUNE's peers are far (mean distance over three times the median of every municipality's). stability lists for each year of the input how many of the first year's peers stay (peers, kept, kept_share, new, dropped). as NAME saves the peers for bench ... against NAME.",
    example: "peers Slagelse k=3 | select rank, kommune, distance = round(distance, 3)",
    result: "rank,kommune,distance\n1,Høje-Taastrup,0.735\n2,Norddjurs,0.938\n3,Svendborg,0.941")

  static func bind(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> any AnalysisOperator
  {
    for clause in spec.clauses where !["k", "on", "as", "exclude", "stability"].contains(clause.word) {
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
    var side: [PeerSideVariable] = []
    let available = PeerFinder.availableVariables(in: input.map(\.name))
    if let clause = spec.clause("on") {
      variables = []
      for (index, value) in clause.values.enumerated() {
        if let table = clause.tables[index] {
          guard case .column(let name, nil) = value.kind else {
            throw context.error("expected a column name before 'from \(table.name)'", at: value.range)
          }
          if variables.contains(name) || input.contains(where: { $0.name == name }) {
            throw context.error(
              "'\(name)' is already a variable or a column of the input", at: value.range,
              hints: ["rename it in \(table.name) first, e.g. let t = \(table.name) | rename other = \(name)"])
          }
          side.append(
            try PeerSideVariable(name: name, nameRange: value.range, table: table, input: input, context: context))
          variables.append(name)
          continue
        }
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
    let stability = spec.clause("stability") != nil
    if stability {
      if saveAs != nil, let clause = spec.clause("as") {
        throw context.error(
          "as saves one list of peers, but stability lists several years", at: clause.wordRange,
          hints: ["save the peers without stability"])
      }
      if !input.contains(where: { $0.name == "aar" }) {
        throw context.error(
          "stability needs a column 'aar' in the input (it compares the peers of each year)",
          at: spec.clause("stability")?.wordRange ?? spec.keywordRange)
      }
    }
    let exclusion = try PeerExclusion.resolve(spec.clause("exclude"), directory: directory, context: context)
    return PeersOperator(
      kommune: kommune, mention: first.range, source: context.source, k: k, variables: variables, saveAs: saveAs,
      groups: context.groups,
      integerVariables: Set(variables.filter { name in input.first { $0.name == name }?.type == .int64 }),
      exclusion: exclusion, side: side, stability: stability)
  }
}
