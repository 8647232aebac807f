
/// One target of the `gap` analysis: a row of `maal` with the measure it is computed by.
struct GapTarget: Sendable, Equatable {
  /// The target's `maal_id`, also the measure's name.
  var id: String
  var comparison: GapComparison
  /// The threshold in the measure's unit (`taerskel`, e.g. 25 for 25 %).
  var threshold: Double
  /// The unit of the threshold (`enhed`).
  var unit: String
  /// The first part of `kilde`, for the notes.
  var source: String
  var measure: MeasureDefinition

  init(
    id: String, comparison: GapComparison, threshold: Double, unit: String, source: String,
    measure: MeasureDefinition
  ) {
    self.id = id
    self.comparison = comparison
    self.threshold = threshold
    self.unit = unit
    self.source = source
    self.measure = measure
  }

  /// A footer line when the measure says `better` one way and the target compares the other
  /// (e.g. `better lower` against `>=`): gap follows the target (`maal`), bench the measure.
  var directionNote: String? {
    guard measure.directionStated, measure.direction != comparison.better else { return nil }
    return "\(id): the measure says better \(measure.direction.rawValue), but maal's target is \(comparison.rawValue) \(GapOperator.number(threshold)): "
      + "gap follows maal (met when value \(comparison.rawValue) \(GapOperator.number(threshold))), while bench ranks by the measure; check which is meant"
  }

  /// What one unit of `short` is: persons when the denominator counts persons, weeks when it counts
  /// weeks (a share's numerator counts what its denominator does); otherwise the numerator's own
  /// units, since `short` is a number of numerator units.
  var shortUnit: String {
    let denominator = measure.denominator.lowercased()
    if denominator.contains("personer") || denominator.hasPrefix("count(") { return "persons" }
    if denominator.contains("uger") { return "person-weeks" }
    return "units of \(measure.numerator)"
  }
}
