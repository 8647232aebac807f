extension GapBinding {
  /// The municipalities of `for ...`: names, codes or `alle`; without `for`, the method municipalities.
  ///
  /// Codes and names are resolved through `kommuner`.
  static func municipalities(_ clause: AnalysisClause?, context: AnalysisContext, at keywordRange: SourceRange)
    throws(Diagnostic) -> GapMunicipalities
  {
    guard let clause else {
      let kommuner = try context.table("kommuner", at: keywordRange)
      guard let names = kommuner.column(named: "kommune"), let vip2 = kommuner.column(named: "vip2") else {
        throw context.error(
          "the table kommuner needs the columns kommune and vip2 to find the method municipalities", at: keywordRange,
          hints: ["name the municipalities: gap for Slagelse, Aarhus"])
      }
      let method = (0..<kommuner.rowCount).filter { vip2.value(at: $0) == .bool(true) }.compactMap {
        names.value(at: $0).stringValue
      }
      return .method(method)
    }
    var listed: [String] = []
    for expression in clause.values {
      guard let name = context.name(of: expression) else {
        throw context.error("expected a municipality name or code", at: expression.range)
      }
      if ["alle", "all"].contains(name.lowercased()) {
        if clause.values.count > 1 {
          throw context.error("alle means every municipality: write it alone", at: expression.range)
        }
        return .all
      }
      let resolved = try resolve(name, range: expression.range, context: context)
      if !listed.contains(resolved) { listed.append(resolved) }
    }
    return .listed(listed)
  }

  /// A municipality name as spelt in `kommuner` (a code becomes its name); other names pass unchanged.
  static func resolve(_ name: String, range: SourceRange, context: AnalysisContext) throws(Diagnostic) -> String {
    let kommuner = try context.table("kommuner", at: range)
    guard let names = kommuner.column(named: "kommune") else { return name }
    if let code = Int64(name) {
      if let codes = kommuner.column(named: "kommunekode"),
        let row = (0..<kommuner.rowCount).first(where: { codes.value(at: $0).int64Value == code }),
        let found = names.value(at: row).stringValue
      {
        return found
      }
      throw context.error(
        "no municipality has the code \(code)", at: range, hints: ["codes are in kommuner.kommunekode"])
    }
    let all = (0..<kommuner.rowCount).compactMap { names.value(at: $0).stringValue }
    return all.first { $0.lowercased() == name.lowercased() } ?? name
  }
}
