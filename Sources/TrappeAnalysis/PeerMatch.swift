
/// One comparable municipality found by ``PeerFinder``: its distance and raw values.
struct PeerMatch: Sendable, Equatable {
  let kommune: String
  let kommunekode: Int64?
  /// Euclidean distance between the standardised variables.
  let distance: Double
  /// The variables' raw values, in the finder's variable order.
  let values: [Double]
}
