
/// One comparable municipality found by ``PeerFinder``: its distance and raw values.
package struct PeerMatch: Sendable, Equatable {
  package let kommune: String
  package let kommunekode: Int64?
  /// Euclidean distance between the standardised variables.
  package let distance: Double
  /// The variables' raw values, in the finder's variable order.
  let values: [Double]
}
