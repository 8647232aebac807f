import TrappeBase
import TrappeStorage
import TrappeQuery

/// A table that puts each municipality in one group: `kommunegrupper` (Statistics Denmark's
/// municipality groups) or a user's cluster file (`.load klynger.csv as klynger` with the
/// columns `kommune` or `kommunekode`, and `gruppe`). `against` it compares each municipality
/// with the other members of its own group, less the excluded municipalities.
struct OwnGroupTable {
  /// The table's name as written.
  let name: String
  /// The group column.
  let column: String
  /// Group by municipality name (as in `kommuner`), every group a municipality is in.
  let groups: [String: [String]]
  /// Members by group, in table order.
  let members: [String: [String]]

  /// The group columns tried, in order, when none is given.
  static let groupColumns = ["gruppe", "klynge", "kommunegruppe"]

  /// Reads `table`: the municipality from `kommunekode` (else `kommune`), the group from `column`
  /// (default the first of `gruppe`, `klynge`, `kommunegruppe`).
  init(_ table: Table, name: String, column: String?, context: AnalysisContext, at range: SourceRange) throws(Diagnostic) {
    let columns = table.schema.names
    guard let column = column ?? OwnGroupTable.groupColumns.first(where: columns.contains),
      let groupColumn = table.column(named: column)
    else {
      throw context.error(
        "\(name) has no group column (gruppe, klynge or kommunegruppe)", at: range,
        hints: [
          "a cluster file needs the columns kommune (or kommunekode) and gruppe, one row per municipality",
          "columns of \(name): \(columns.joined(separator: ", "))",
        ])
    }
    guard columns.contains("kommunekode") || columns.contains("kommune") else {
      throw context.error(
        "\(name) has no column kommune or kommunekode", at: range,
        hints: ["columns of \(name): \(columns.joined(separator: ", "))"])
    }
    let directory = try MunicipalityDirectory(context: context, at: range)
    let codes = table.column(named: "kommunekode").map(AnalysisValues.doubles)
    let names = table.column(named: "kommune").map(AnalysisValues.strings)
    let labels = groupColumn.type == .string
      ? AnalysisValues.strings(groupColumn)
      : AnalysisValues.doubles(groupColumn).map { $0.map { String(Int64($0)) } }
    var groups: [String: [String]] = [:]
    var members: [String: [String]] = [:]
    for row in 0..<table.rowCount {
      guard let label = labels[row] else { continue }
      let written = codes?[row].map { String(Int64($0)) } ?? names?[row]
      guard let written else { continue }
      guard let kommune = directory.name(matching: written) ?? names?[row].flatMap(directory.name(matching:)) else {
        throw context.error(
          "\(name) names '\(written)', which is not a municipality in kommuner", at: range,
          hints: ["use the names or codes of kommuner (e.g. Høje-Taastrup or 169)"])
      }
      if !(groups[kommune]?.contains(label) ?? false) { groups[kommune, default: []].append(label) }
      if !(members[label]?.contains(kommune) ?? false) { members[label, default: []].append(kommune) }
    }
    self.name = name
    self.column = column
    self.groups = groups
    self.members = members
  }

  /// Each municipality's own group less itself and the excluded; an error at `range` when a
  /// municipality is in none or several of the table's groups.
  func group(
    for municipalities: [String], directory: MunicipalityDirectory, exclusion: PeerExclusion,
    context: AnalysisContext, at range: SourceRange
  ) throws(Diagnostic) -> ComparisonGroup {
    let excluded = Set(exclusion.members)
    var result: [String: [String]] = [:]
    var details: [String] = []
    for kommune in municipalities {
      let own = groups[kommune] ?? []
      guard own.count == 1, let label = own.first else {
        throw context.error(
          own.isEmpty
            ? "\(kommune) is in no group of \(name)"
            : "\(kommune) is in \(own.count) groups of \(name) (\(own.joined(separator: ", "))); against needs one",
          at: range,
          hints: [
            own.isEmpty
              ? "add a row for \(kommune) to \(name), or benchmark only municipalities it lists"
              : "keep one group per municipality, e.g. let k = \(name) | where \(column) == \"...\""
          ])
      }
      let others = (members[label] ?? []).filter { $0 != kommune && !excluded.contains($0) }
      result[kommune] = others
      details.append("\(column) of \(kommune): \(label) (\(others.count) others: \(others.joined(separator: ", ")))")
    }
    return ComparisonGroup(
      label: "own \(column) in \(name)", members: result, details: details + [exclusion.note()], excludes: true)
  }
}
