import TrappeBase
import TrappeStorage
import TrappeQuery

extension BenchOperator {
  /// The `funnel` column (`bench … funnel`): where each value lies against funnel-plot control
  /// limits around the national pooled rate of its period, p0 ± z·√(p0(1−p0)/n) with the
  /// municipality's own n, z = 1.959964 (95 %) and 3.090232 (99.8 %): "above 99.8 %",
  /// "above 95 %", "inside", "below 95 %", "below 99.8 %" (``FunnelLimits``). Only for shares
  /// (unit "%": the value is 100 · a share; without a unit, a share from 0 to 1); NULL
  /// otherwise, when n is 0 or the value is missing.
  static func funnelColumn(value: [Double?], national: [Double?], n: [Double?], scale: Double?) -> Column {
    var bands: [String?] = []
    bands.reserveCapacity(value.count)
    for row in value.indices {
      guard let scale, let p0 = national[row] else {
        bands.append(nil)
        continue
      }
      bands.append(FunnelLimits(pooled: p0, scale: scale).band(value: value[row], n: n[row]))
    }
    return AnalysisValues.stringColumn(bands)
  }

  /// The scale of the measure's value as a share: 100 for unit "%", 1 for a unitless measure
  /// whose values lie in [0, 1]; nil (no funnel) otherwise.
  func funnelScale(values: [Double?]) -> Double? {
    if measure.unit == "%" { return 100 }
    if measure.unit == nil || measure.unit == "", values.allSatisfy({ $0.map { $0 >= 0 && $0 <= 1 } ?? true }) { return 1 }
    return nil
  }

  /// The footer line for the `funnel` column.
  func funnelNote(scale: Double?) -> String {
    guard scale != nil else {
      return "funnel: NULL, the limits are for shares of persons (unit \"%\"), and \(measure.name) is not one"
    }
    return "funnel: value against control limits p0 ± z·√(p0(1−p0)/n) around national_value p0 (as a share) with the municipality's n, z = 1.96 (95 %) and 3.09 (99.8 %)"
      + (period.map { " in each \($0.name)" } ?? "")
      + "; overdispersion between municipalities is not adjusted (Spiegelhalter), so more than 5 % fall outside by chance when rates truly vary"
  }
}
