import TrappeBase
import TrappeStorage
import TrappeQuery

extension GapBinding {
  /// The targets to report: the listed ones (matched by `maal_id`) or every row of `maal`.
  static func targets(_ spec: AnalysisSpec, input: [PlanColumn], context: AnalysisContext) throws(Diagnostic)
    -> [GapTarget]
  {
    let maal = try context.table("maal", at: spec.keywordRange)
    var cells: [String: Column] = [:]
    for name in ["maal_id", "sammenligning", "taerskel"] {
      guard let column = maal.column(named: name) else {
        throw context.error(
          "the table maal has no column '\(name)'", at: spec.keywordRange,
          hints: ["maal needs maal_id, sammenligning and taerskel; it has \(maal.schema.names.joined(separator: ", "))"]
        )
      }
      cells[name] = column
    }
    let ids = (0..<maal.rowCount).map { cells["maal_id"]?.value(at: $0).stringValue ?? "" }
    var rows: [(row: Int, range: SourceRange)] = []
    if spec.positional.isEmpty {
      rows = ids.indices.filter { !ids[$0].isEmpty }.map { ($0, spec.keywordRange) }
    }
    for expression in spec.positional {
      guard let name = context.name(of: expression) else {
        throw context.error("expected a target name (a maal_id such as i_gang)", at: expression.range)
      }
      guard let row = ids.firstIndex(of: name) ?? ids.firstIndex(where: { $0.lowercased() == name.lowercased() })
      else {
        throw context.error(
          "maal has no target '\(name)'", at: expression.range,
          hints: ["targets: \(ids.joined(separator: ", "))"]
        ).suggesting(Suggestion.nearest(to: name, in: ids))
      }
      if !rows.contains(where: { $0.row == row }) { rows.append((row, expression.range)) }
    }
    var targets: [GapTarget] = []
    for (row, range) in rows {
      let id = ids[row]
      guard let measure = context.measures.measure(id) else {
        throw context.error(
          "the target '\(id)' has no measure: define one called '\(id)'", at: range,
          hints: [
            "e.g. measure \(id) = 100 * sum(NUMERATOR) / sum(DENOMINATOR) unit \"%\"",
            "measures: \(context.measures.names.joined(separator: ", "))",
          ])
      }
      let operatorText = (cells["sammenligning"]?.value(at: row).stringValue ?? "").trimmed()
      guard let comparison = GapComparison(rawValue: operatorText) else {
        throw context.error(
          "the target '\(id)' compares with '\(operatorText)' in maal.sammenligning", at: range,
          hints: ["gap understands >=, >, <= and <"])
      }
      guard let threshold = cells["taerskel"]?.value(at: row).doubleValue, threshold.isFinite else {
        throw context.error("the target '\(id)' has no threshold in maal.taerskel", at: range)
      }
      try context.requireComputable(measure, on: input, subject: "the target '\(id)'", at: range)
      let unit = maal.column(named: "enhed")?.value(at: row).stringValue ?? measure.unit ?? ""
      let kilde = maal.column(named: "kilde")?.value(at: row).stringValue ?? "maal"
      let first = kilde.split(separator: ";").first.map { String($0) } ?? kilde
      let source = (first.split(separator: "(").first.map { String($0) } ?? first).trimmed()
      targets.append(
        GapTarget(
          id: id, comparison: comparison, threshold: threshold, unit: unit, source: source, measure: measure))
    }
    return targets
  }
}
