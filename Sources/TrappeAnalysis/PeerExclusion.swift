import TrappeBase
import TrappeStorage
import TrappeQuery

/// The municipalities that may not be comparison units: always the VIP2 method municipalities,
/// and any group or municipality named with `exclude GROUP, KOMMUNE, ...`; `exclude none` for nobody.
///
/// The method municipalities are the treated units of the evaluation: comparing one with
/// another compares an effort with itself. They are left out of the candidates for peers (and
/// of `against kommunegruppe` and own-group tables); the z-scores are still computed over every
/// municipality, so the scale of a variable does not depend on who is excluded.
struct PeerExclusion: Sendable, Equatable {
  /// The group that is excluded by default (Datasets/grupper.csv).
  static let defaultGroup = "vip2_metode"

  /// The excluded municipalities, in the order given.
  let members: [String]
  /// What was excluded, for the footer: "vip2_metode (VIP2 metodekommuner)".
  let label: String
  /// Whether `exclude` was written (explicit lists and groups after `against` are only filtered then).
  let written: Bool

  /// Nobody excluded.
  static let none = PeerExclusion(members: [], label: "none", written: true)

  /// The footer line for `subject` (the municipality whose peers are listed, or nil for several).
  func note(for subject: String? = nil) -> String {
    guard !members.isEmpty else {
      return "no municipality excluded from the peers (exclude none): treated units may be comparison units"
    }
    let listed = members.filter { $0 != subject }
    return "excluded from the peers: \(listed.joined(separator: ", ")) (\(label)): treated units are not comparison units"
      + (written ? "" : "; exclude none lets them in")
  }

  /// Resolves `exclude GROUP, ...` / `exclude none`: the VIP2 method municipalities (the
  /// `vip2_metode` group of `grupper`, or `kommuner.vip2` when it is missing) and those named.
  static func resolve(
    _ clause: AnalysisClause?, directory: MunicipalityDirectory, context: AnalysisContext
  ) throws(Diagnostic) -> PeerExclusion {
    let standard: PeerExclusion
    if let group = (try? groupMembers(defaultGroup, directory: directory, context: context)) ?? nil {
      standard = PeerExclusion(members: group.members, label: "group \(defaultGroup), \(group.title)", written: false)
    } else {
      standard = PeerExclusion(
        members: directory.methodMunicipalities, label: "the VIP2 method municipalities (kommuner.vip2)",
        written: false)
    }
    guard let clause else { return standard }
    guard !clause.values.isEmpty else {
      throw context.error(
        "exclude needs a group, municipalities or none", at: clause.wordRange, hints: ["e.g. exclude vip2_metode"])
    }
    if clause.values.count == 1, context.name(of: clause.values[0])?.lowercased() == "none" {
      return .none
    }
    // Groups and municipalities named are left out besides the method municipalities.
    var members = standard.members
    var labels = [standard.label]
    for value in clause.values {
      guard let text = context.name(of: value) else {
        throw context.error("expected a group or municipality after exclude", at: value.range)
      }
      if let saved = context.groups.members(of: text) {
        labels.append("saved group \(text)")
        members += saved.filter { !members.contains($0) }
      } else if let group = try groupMembers(text, directory: directory, context: context) {
        labels.append("group \(text), \(group.title)")
        members += group.members.filter { !members.contains($0) }
      } else if let name = directory.name(matching: text) {
        labels.append(name)
        if !members.contains(name) { members.append(name) }
      } else {
        let groups = (try? context.table("grupper", at: value.range))?.column(named: "gruppe")
          .map(AnalysisValues.strings).map { Set($0.compactMap { $0 }).sorted() } ?? []
        throw context.error(
          "unknown group or municipality '\(text)'", at: value.range,
          hints: ["exclude takes none, a group from grupper, a saved group or municipalities"]
        ).suggesting(Suggestion.nearest(to: text, in: ["none"] + context.groups.names + groups + directory.names))
      }
    }
    return PeerExclusion(members: members, label: labels.joined(separator: "; "), written: true)
  }

  /// The members and title of the group `name` in `grupper`, or nil when it has no such group.
  static func groupMembers(_ name: String, directory: MunicipalityDirectory, context: AnalysisContext)
    throws(Diagnostic) -> (members: [String], title: String)?
  {
    guard let table = try context.resolveTable("grupper"), let groups = table.column(named: "gruppe") else {
      return nil
    }
    let ids = AnalysisValues.strings(groups)
    let codes = table.column(named: "kommunekode").map(AnalysisValues.doubles) ?? []
    let names = table.column(named: "kommune").map(AnalysisValues.strings) ?? []
    let titles = table.column(named: "gruppe_navn").map(AnalysisValues.strings) ?? []
    var members: [String] = []
    var title = name
    for row in ids.indices where ids[row] == name {
      if row < titles.count, let text = titles[row] { title = text }
      let code = row < codes.count ? codes[row].map { String(Int64($0)) } : nil
      let written = row < names.count ? names[row] : nil
      if let member = code.flatMap(directory.name(matching:)) ?? written.flatMap(directory.name(matching:)),
        !members.contains(member)
      {
        members.append(member)
      }
    }
    return members.isEmpty ? nil : (members, title)
  }
}
