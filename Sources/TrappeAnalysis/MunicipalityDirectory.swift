import TrappeBase
import TrappeStorage
import TrappeQuery

/// The municipalities from `kommuner`: names, codes, regions and the VIP2 method municipalities.
///
/// Analyses identify a municipality by its name; the directory turns what the
/// user wrote (`Slagelse`, `"Slagelse"`, `330`, `0330`, `Århus`, `Høje Taastrup`,
/// `Vesthimmerland`: any spelling ``MunicipalityNames`` knows) into that name, with a
/// did-you-mean for misspellings.
struct MunicipalityDirectory: Sendable {
  /// Names in the table's order (by code).
  let names: [String]
  /// Code by name.
  let codes: [String: Int64]
  /// Region by name.
  let regions: [String: String]
  /// The VIP2 method municipalities, in the table's order.
  let methodMunicipalities: [String]
  /// Name by spelling key (``MunicipalityNames/key(_:)``).
  let byKey: [String: String]

  /// Reads the `kommuner` table (or any table with `kommune` and `kommunekode`).
  init(_ table: Table) {
    let names = table.column(named: "kommune").map(AnalysisValues.strings) ?? []
    let codes = table.column(named: "kommunekode").map(AnalysisValues.doubles) ?? []
    let regions = table.column(named: "region").map(AnalysisValues.strings) ?? []
    let vip2 = table.column(named: "vip2").map(AnalysisValues.doubles) ?? []
    var ordered: [String] = []
    var codeByName: [String: Int64] = [:]
    var regionByName: [String: String] = [:]
    var method: [String] = []
    for row in names.indices {
      guard let name = names[row], !ordered.contains(name) else { continue }
      ordered.append(name)
      if row < codes.count, let code = codes[row] { codeByName[name] = Int64(code) }
      if row < regions.count, let region = regions[row] { regionByName[name] = region }
      if row < vip2.count, vip2[row] == 1 { method.append(name) }
    }
    self.names = ordered
    self.codes = codeByName
    self.regions = regionByName
    self.methodMunicipalities = method
    var byKey: [String: String] = [:]
    for name in ordered { byKey[MunicipalityNames.key(name)] = byKey[MunicipalityNames.key(name)] ?? name }
    self.byKey = byKey
  }

  /// The directory from the session's `kommuner` table.
  init(context: AnalysisContext, at range: SourceRange) throws(Diagnostic) {
    self.init(try context.table("kommuner", at: range))
  }

  /// The name of the municipality called or numbered `text`, if any.
  func name(matching text: String) -> String? {
    if names.contains(text) { return text }
    if let code = Int64(text), let hit = codes.first(where: { $0.value == code }) { return hit.key }
    return byKey[MunicipalityNames.key(text)]
  }

  /// The municipality an argument names, or a diagnostic with a did-you-mean at the argument.
  func resolve(_ expression: Expression, context: AnalysisContext) throws(Diagnostic) -> String {
    guard let text = context.name(of: expression) else {
      throw context.error(
        "expected a municipality name or code", at: expression.range, hints: ["e.g. Slagelse or 330"])
    }
    guard let name = name(matching: text) else {
      throw context.error("unknown municipality '\(text)'", at: expression.range)
        .suggesting(Suggestion.nearest(to: text, in: names))
    }
    return name
  }
}
