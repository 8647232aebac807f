/// A span of a statement's text, as UTF-8 byte offsets (`lower` inclusive, `upper` exclusive).
package struct SourceRange: Sendable, Equatable, Hashable, CustomStringConvertible {
  /// The offset of the first byte.
  package var lower: Int
  /// The offset just past the last byte.
  package var upper: Int

  /// Creates a range.
  package init(_ lower: Int, _ upper: Int) {
    self.lower = lower
    self.upper = max(lower, upper)
  }

  /// The smallest range covering both.
  package func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(lower, other.lower), max(upper, other.upper))
  }

  /// `lower..<upper`, for dumps.
  package var description: String { "\(lower)..<\(upper)" }
}
