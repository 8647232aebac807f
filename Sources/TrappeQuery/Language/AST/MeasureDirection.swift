/// Which way a measure gets better: `better higher` (a share in job) or `better lower`
/// (a share on benefit, a duration).
///
/// Rankings, a "best 10" and the words in footers and charts follow it.
package enum MeasureDirection: String, Sendable, Equatable, CaseIterable {
  case higher
  case lower

  /// The word for the best end, e.g. "highest".
  package var bestWord: String { self == .higher ? "highest" : "lowest" }
  /// Whether `a` is better than `b` in this direction.
  package func isBetter(_ a: Double, than b: Double) -> Bool { self == .higher ? a > b : a < b }
}
