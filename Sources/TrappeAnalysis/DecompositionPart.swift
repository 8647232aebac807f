
/// One category of a decomposition: shares (fractions) and rates (in the measure's unit) on both sides.
struct DecompositionPart: Sendable, Equatable {
  /// p: the municipality's share of the denominator.
  var share: Double
  /// r: the municipality's rate, nil when it has no denominator in the category.
  var rate: Double?
  /// P: the peers' pooled share.
  var peerShare: Double
  /// R: the peers' pooled rate.
  var peerRate: Double?
  /// (p − P) · R.
  var composition: Double
  /// p · (r − R).
  var ratePart: Double
}
