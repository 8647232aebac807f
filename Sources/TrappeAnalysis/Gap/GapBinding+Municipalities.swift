import TrappeBase
import TrappeQuery

extension GapBinding {
  /// The municipalities of `for ...`: names, codes or `alle`; without `for`, the method municipalities.
  ///
  /// Codes and names are resolved through `kommuner` (``MunicipalityDirectory``); a name
  /// that is not there passes unchanged and is checked against the input when the gap runs.
  static func municipalities(_ clause: AnalysisClause?, context: AnalysisContext, at keywordRange: SourceRange)
    throws(Diagnostic) -> GapMunicipalities
  {
    let directory = try MunicipalityDirectory(context: context, at: clause?.wordRange ?? keywordRange)
    guard let clause else {
      guard !directory.methodMunicipalities.isEmpty else {
        throw context.error(
          "the table kommuner marks no method municipalities (column vip2)", at: keywordRange,
          hints: ["name the municipalities: gap for Slagelse, Aarhus"])
      }
      return .method(directory.methodMunicipalities)
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
      let resolved = directory.name(matching: name)
      if resolved == nil, let code = Int64(name) {
        throw context.error(
          "no municipality has the code \(code)", at: expression.range, hints: ["codes are in kommuner.kommunekode"])
      }
      let spelled = resolved ?? name
      if !listed.contains(spelled) { listed.append(spelled) }
    }
    return .listed(listed)
  }
}
