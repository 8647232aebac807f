import TrappeBase
import TrappeStorage
import TrappeQuery

/// Lists the k municipalities most comparable to one municipality, and optionally saves them as a group.
///
/// See ``PeerFinder`` for the method and ``PeersBinding`` for the syntax.
struct PeersOperator: AnalysisOperator {
  let kommune: String
  let mention: SourceRange
  let source: SourceText
  let k: Int
  let variables: [String]
  /// The name to save the group under (`as NAME`).
  let saveAs: String?
  /// The session's saved groups, where `as NAME` saves the peers.
  let groups: SavedGroups
  /// The variables that are int columns of the input (befolkning): shown as ints, not doubles.
  var integerVariables: Set<String> = []
  /// Who may not be a peer (default the VIP2 method municipalities).
  var exclusion = PeerExclusion.none
  /// Variables taken from other tables (`on (x from t)`).
  var side: [PeerSideVariable] = []
  /// `stability`: one row per year of the input instead of the peers.
  var stability = false

  var columns: [PlanColumn] {
    if stability {
      return [
        PlanColumn(name: "aar", type: .int64), PlanColumn(name: "peers", type: .int64),
        PlanColumn(name: "kept", type: .int64), PlanColumn(name: "kept_share", type: .double),
        PlanColumn(name: "new", type: .string), PlanColumn(name: "dropped", type: .string),
      ]
    }
    return [
      PlanColumn(name: "rank", type: .int64), PlanColumn(name: "kommune", type: .string),
      PlanColumn(name: "kommunekode", type: .int64), PlanColumn(name: "distance", type: .double),
    ] + variables.map { PlanColumn(name: $0, type: integerVariables.contains($0) ? .int64 : .double) }
  }

  var summary: String {
    let on = variables.map { name in side.first { $0.name == name }.map { "\(name) from \($0.table)" } ?? name }
    return "peers \(kommune) k=\(k) on (\(on.joined(separator: ", ")))"
      + " exclude \(exclusion.members.isEmpty ? "none" : exclusion.members.joined(separator: ", "))"
      + (stability ? " stability" : "") + (saveAs.map { " as \($0)" } ?? "")
  }

  /// The input with the `from TABLE` variables added as columns, checked on the rows of `years`.
  func withSideVariables(_ input: Table, years: Set<Int64>?) throws(Diagnostic) -> Table {
    guard !side.isEmpty else { return input }
    var named = Array(zip(input.schema.names, input.columns))
    for variable in side {
      named.append((variable.name, try variable.column(for: input, years: years, source: source)))
    }
    return Table(named)
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    if stability { return try runStability(input, notes: &notes) }
    let earliest = PeerFinder.years(in: input).first
    let panel = try withSideVariables(input, years: earliest.map { [$0] })
    let finder = try PeerFinder(panel: panel, variables: variables)
    guard finder.contains(kommune) else {
      throw source.diagnostic("\(kommune) is not in the input (or has a missing value)", at: mention)
    }
    let excluded = Set(exclusion.members).subtracting([kommune])
    let matches = finder.nearest(to: kommune, k: k, excluding: excluded)
    notes.append("method: \(finder.method), excluding \(kommune) itself")
    notes.append("variables: \(variables.joined(separator: ", ")); year: \(finder.year.map(String.init) ?? "all rows")")
    notes += side.map(\.note)
    notes.append(exclusion.note(for: kommune))
    let candidates = finder.names.filter { $0 != kommune && !excluded.contains($0) }.count
    notes.append("\(finder.names.count) municipalities compared (z-scores over all), \(candidates) candidates")
    if matches.count < k { notes.append("only \(matches.count) other municipalities are available") }
    if let warning = finder.poorMatchWarning(for: kommune, matches: matches, k: k, excluding: excluded) {
      notes.append(warning)
    }
    notes += finder.caveats
    if let saveAs {
      groups.save(saveAs, members: matches.map(\.kommune))
      notes.append("saved as \(saveAs): use bench MEASURE for \(kommune) against \(saveAs)")
    }
    var result: [(String, Column)] = [
      ("rank", AnalysisValues.int64Column(matches.indices.map { Int64($0 + 1) })),
      ("kommune", AnalysisValues.stringColumn(matches.map(\.kommune))),
      ("kommunekode", AnalysisValues.int64Column(matches.map(\.kommunekode))),
      ("distance", AnalysisValues.doubleColumn(matches.map(\.distance))),
    ]
    for (index, variable) in variables.enumerated() {
      let values = matches.map { $0.values[index] }
      result.append(
        (
          variable,
          integerVariables.contains(variable)
            ? AnalysisValues.int64Column(values.map { Int64(exactly: $0) })
            : AnalysisValues.doubleColumn(values)
        ))
    }
    return Table(result)
  }

  /// `stability`: the peers found with each year of the input as the base year, against the
  /// earliest year's: how many stay (kept), which come in (new) and which leave (dropped).
  func runStability(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    let years = PeerFinder.years(in: input)
    let panel = try withSideVariables(input, years: Set(years))
    let excluded = Set(exclusion.members).subtracting([kommune])
    var base: [String] = []
    var rows: [(year: Int64, peers: [String])] = []
    for year in years {
      let finder = try PeerFinder(panel: panel, variables: variables, year: year)
      guard finder.contains(kommune) else {
        throw source.diagnostic("\(kommune) is not in the input in \(year) (or has a missing value)", at: mention)
      }
      let peers = finder.nearest(to: kommune, k: k, excluding: excluded).map(\.kommune)
      if rows.isEmpty { base = peers }
      rows.append((year, peers))
      for caveat in finder.caveats { notes.append("\(year): \(caveat)") }
    }
    let baseSet = Set(base)
    notes.append(
      "stability: the \(k) nearest to \(kommune) with each year as the base year (z-scores within that year) against the \(years.first.map(String.init) ?? "first") peers: kept = how many of those stay, kept_share = kept / their number, new and dropped name who comes in and who leaves")
    notes.append("method: nearest by Euclidean distance on z-scores (sample sd) of \(variables.joined(separator: ", ")), excluding \(kommune) itself")
    notes += side.map(\.note)
    notes.append(exclusion.note(for: kommune))
    notes.append("\(years.first.map(String.init) ?? "first year") peers: \(base.joined(separator: ", "))")
    return Table([
      ("aar", AnalysisValues.int64Column(rows.map(\.year))),
      ("peers", AnalysisValues.int64Column(rows.map { Int64($0.peers.count) })),
      ("kept", AnalysisValues.int64Column(rows.map { Int64($0.peers.filter(baseSet.contains).count) })),
      (
        "kept_share",
        AnalysisValues.doubleColumn(
          rows.map { base.isEmpty ? nil : Double($0.peers.filter(baseSet.contains).count) / Double(base.count) })
      ),
      ("new", AnalysisValues.stringColumn(rows.map { row in row.peers.filter { !baseSet.contains($0) }.joined(separator: ", ") })),
      (
        "dropped",
        AnalysisValues.stringColumn(rows.map { row in base.filter { !row.peers.contains($0) }.joined(separator: ", ") })
      ),
    ])
  }
}
