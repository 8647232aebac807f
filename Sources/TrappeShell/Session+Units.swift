import TrappeBase
import TrappeStorage
import TrappeQuery

extension Session {
  /// The unit each result column is in, from the measure of the pipeline's last analysis
  /// (`unit "%"`): its value columns (value, peer_value, …, threshold and their _lo/_hi) are
  /// in that unit, its differences (diff_peers, gap_pp, change, did_…) in percentage points
  /// (`pp`) when the unit is `%`. Box tables show it in the type row (`double %`). Columns are
  /// matched by name, so a `select value = round(value, 1)` keeps it; nil for the others.
  func columnUnits(_ pipeline: Pipeline, table: Table) -> [String?] {
    let analyses = pipeline.stages.compactMap { stage -> AnalysisSpec? in
      if case .analysis(let spec) = stage.kind { return spec }
      return nil
    }
    guard let analysis = analyses.last else { return [] }
    var unit: String?
    if case .column(let name, nil)? = analysis.positional.first?.kind {
      unit = measures.unit(of: name)
    }
    guard let unit, !unit.isEmpty else { return [] }
    let values: Set<String> = ["value", "peer_value", "national_value", "top10_value", "expected_value", "threshold"]
    let differences: Set<String> = [
      "diff_peers", "diff_national", "diff_expected", "gap_pp", "change", "did_peers", "did_national",
    ]
    return table.schema.fields.map { field -> String? in
      guard field.type.isNumeric else { return nil }
      var name = field.name
      for suffix in ["_lo", "_hi"] where name.hasSuffix(suffix) { name.removeLast(suffix.count) }
      if values.contains(name) { return unit }
      if differences.contains(name) { return unit == "%" ? "pp" : unit }
      return nil
    }
  }
}
