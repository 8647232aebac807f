import TrappeBase
import TrappeQuery

/// The municipalities each benchmarked municipality is compared with (`against GROUP`).
///
/// GROUP is `peers` (the k comparable municipalities from `kommunepanel`, see
/// ``PeerFinder``), `region` (the municipality's own region), `kommunegruppe` (its own
/// Statistics Denmark municipality group, `kommunegrupper`), a group saved with
/// `peers ... as NAME`, a group from `grupper` (`integration_top10_1999_2007`,
/// `region_sjaelland`), a table with one group per municipality (a loaded cluster file with
/// `kommune` or `kommunekode` and `gruppe`: the municipality's own group, ``OwnGroupTable``),
/// or a list of municipalities `(Gladsaxe, Aarhus)`.
/// The municipality itself is never one of its own peers. `peers`, `kommunegruppe` and group
/// tables leave out the excluded municipalities (default the VIP2 method municipalities, see
/// ``PeerExclusion``); the other groups only when `exclude` is written.
struct ComparisonGroup: Sendable {
  /// What the group is, for notes and `explain`.
  let label: String
  /// The members besides the municipality itself, by municipality.
  let members: [String: [String]]
  /// Lines for the footer (the computed peers of each municipality).
  let details: [String]
  /// `against expected`: each municipality is compared with its own expected value (the measure's
  /// `expected` numerator), not with other municipalities; see BenchOperator+Expected.swift.
  var expected = false

  /// Resolves the `against` clause (default `peers`) for `municipalities`.
  static func resolve(
    _ clause: AnalysisClause?, k: Int, for municipalities: [String], directory: MunicipalityDirectory,
    context: AnalysisContext, at range: SourceRange, exclusion: PeerExclusion = .none
  ) throws(Diagnostic) -> ComparisonGroup {
    let group = try resolveGroup(
      clause, k: k, for: municipalities, directory: directory, context: context, at: range, exclusion: exclusion)
    guard exclusion.written, !exclusion.members.isEmpty, !group.excludes else { return group }
    // `exclude` written after a fixed group: filter it too.
    let excluded = Set(exclusion.members)
    return ComparisonGroup(
      label: group.label + " less the excluded", members: group.members.mapValues { $0.filter { !excluded.contains($0) } },
      details: group.details + [exclusion.note()], excludes: true)
  }

  /// Whether the group already left out the excluded municipalities.
  var excludes = false

  static func resolveGroup(
    _ clause: AnalysisClause?, k: Int, for municipalities: [String], directory: MunicipalityDirectory,
    context: AnalysisContext, at range: SourceRange, exclusion: PeerExclusion
  ) throws(Diagnostic) -> ComparisonGroup {
    let values = clause?.values ?? []
    let word = values.count == 1 ? context.name(of: values[0]) : nil
    let where_ = values.first?.range ?? range
    if values.isEmpty || word == "peers" {
      return try peers(k: k, for: municipalities, context: context, at: where_, exclusion: exclusion)
    }
    if word == "kommunegruppe" {
      let table = try context.table("kommunegrupper", at: where_)
      return try OwnGroupTable(table, name: "kommunegrupper", column: "kommunegruppe", context: context, at: where_)
        .group(for: municipalities, directory: directory, exclusion: exclusion, context: context, at: where_)
    }
    if word == "expected" { return ComparisonGroup(label: "expected", members: [:], details: [], expected: true) }
    if word == "region" {
      var members: [String: [String]] = [:]
      for name in municipalities {
        let region = directory.regions[name]
        members[name] = directory.names.filter { $0 != name && region != nil && directory.regions[$0] == region }
      }
      return ComparisonGroup(label: "own region", members: members, details: [])
    }
    if let word, let saved = context.groups.members(of: word) {
      return fixed(saved, label: "saved group \(word)", for: municipalities)
    }
    let groups = try context.table("grupper", at: where_)
    let groupNames = (groups.column(named: "gruppe").map(AnalysisValues.strings) ?? [])
    if let word, groupNames.contains(word) {
      let codes = groups.column(named: "kommunekode").map(AnalysisValues.doubles) ?? []
      let names = groups.column(named: "kommune").map(AnalysisValues.strings) ?? []
      var list: [String] = []
      for row in groupNames.indices where groupNames[row] == word {
        let code = row < codes.count ? codes[row].map { String(Int64($0)) } : nil
        if let name = code.flatMap(directory.name(matching:)) ?? names[row].flatMap(directory.name(matching:)),
          !list.contains(name)
        {
          list.append(name)
        }
      }
      return fixed(list, label: "group \(word)", for: municipalities)
    }
    if let word, directory.name(matching: word) == nil, let table = (try? context.resolveTable(word)) ?? nil {
      return try OwnGroupTable(table, name: word, column: nil, context: context, at: where_)
        .group(for: municipalities, directory: directory, exclusion: exclusion, context: context, at: where_)
    }
    var list: [String] = []
    for value in values {
      guard let text = context.name(of: value), directory.name(matching: text) != nil else {
        let text = context.name(of: value) ?? ""
        let candidates = ["peers", "region", "kommunegruppe"] + context.groups.names + Set(groupNames.compactMap { $0 }).sorted() + directory.names
        throw context.error(
          "unknown group or municipality '\(text)'", at: value.range,
          hints: [
            "against takes peers, region, kommunegruppe, expected, a group from grupper, a saved group, a table with kommune and gruppe, or (KOMMUNE, ...)"
          ]
        ).suggesting(Suggestion.nearest(to: text, in: candidates))
      }
      let name = try directory.resolve(value, context: context)
      if !list.contains(name) { list.append(name) }
    }
    return fixed(list, label: list.joined(separator: ", "), for: municipalities)
  }

  /// The same list for every municipality, less the municipality itself.
  static func fixed(_ list: [String], label: String, for municipalities: [String]) -> ComparisonGroup {
    var members: [String: [String]] = [:]
    for name in municipalities { members[name] = list.filter { $0 != name } }
    return ComparisonGroup(label: label, members: members, details: [])
  }

  /// The `k` comparable municipalities of each municipality, from `kommunepanel` with the default method.
  static func peers(
    k: Int, for municipalities: [String], context: AnalysisContext, at range: SourceRange,
    exclusion: PeerExclusion = .none
  ) throws(Diagnostic) -> ComparisonGroup {
    let panel = try context.table("kommunepanel", at: range)
    let finder: PeerFinder
    do throws(Diagnostic) {
      finder = try PeerFinder(panel: panel, variables: PeerFinder.defaultVariables)
    } catch {
      throw context.error(error.message, at: range, hints: error.hints)
    }
    var members: [String: [String]] = [:]
    var details: [String] = []
    for name in municipalities {
      guard finder.contains(name) else {
        throw context.error("'\(name)' is not in kommunepanel, so its peers cannot be computed", at: range)
      }
      let excluded = Set(exclusion.members).subtracting([name])
      let matches = finder.nearest(to: name, k: k, excluding: excluded)
      let list = matches.map(\.kommune)
      members[name] = list
      details.append("peers of \(name): \(list.joined(separator: ", "))")
      if let warning = finder.poorMatchWarning(for: name, matches: matches, k: k, excluding: excluded) {
        details.append(warning)
      }
    }
    return ComparisonGroup(
      label: "peers (k=\(k), \(finder.method))", members: members,
      details: details + [exclusion.note()] + finder.caveats, excludes: true)
  }
}
