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

  var columns: [PlanColumn] {
    [
      PlanColumn(name: "rank", type: .int64), PlanColumn(name: "kommune", type: .string),
      PlanColumn(name: "kommunekode", type: .int64), PlanColumn(name: "distance", type: .double),
    ] + variables.map { PlanColumn(name: $0, type: integerVariables.contains($0) ? .int64 : .double) }
  }

  var summary: String {
    "peers \(kommune) k=\(k) on (\(variables.joined(separator: ", ")))" + (saveAs.map { " as \($0)" } ?? "")
  }

  func run(_ input: Table, notes: inout [String]) throws(Diagnostic) -> Table {
    let finder = try PeerFinder(panel: input, variables: variables)
    guard finder.contains(kommune) else {
      throw source.diagnostic("\(kommune) is not in the input (or has a missing value)", at: mention)
    }
    let matches = finder.nearest(to: kommune, k: k)
    notes.append("method: \(finder.method), excluding \(kommune) itself")
    notes.append("variables: \(variables.joined(separator: ", ")); year: \(finder.year.map(String.init) ?? "all rows")")
    notes.append("\(finder.names.count) municipalities compared")
    if matches.count < k { notes.append("only \(matches.count) other municipalities are available") }
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
}
