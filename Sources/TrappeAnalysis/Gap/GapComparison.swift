import TrappeQuery

/// The comparison of a target (`maal.sammenligning`): which side of the threshold counts as met.
enum GapComparison: String, Sendable, Equatable {
  case atLeast = ">="
  case above = ">"
  case atMost = "<="
  case below = "<"

  /// +1 when higher values are better, -1 when lower values are better.
  var direction: Double {
    switch self {
    case .atLeast, .above: return 1
    case .atMost, .below: return -1
    }
  }

  /// The direction the comparison treats as better: `>=` and `>` higher, `<=` and `<` lower
  /// (what `better higher|lower` says for a measure, which bench follows).
  var better: MeasureDirection { direction > 0 ? .higher : .lower }

  /// Whether `value` meets `threshold`, with a small tolerance so 25.0 computed as 24.999999 still counts.
  func isMet(_ value: Double, threshold: Double) -> Bool {
    let tolerance = 1e-9 * max(1, abs(threshold))
    switch self {
    case .atLeast: return value >= threshold - tolerance
    case .above: return value > threshold + tolerance
    case .atMost: return value <= threshold + tolerance
    case .below: return value < threshold - tolerance
    }
  }

  /// The units of the numerator still missing (or in excess) before the target is met, rounded up.
  ///
  /// `needed` is the numerator that exactly reaches the threshold (`threshold / scale * denominator`).
  func shortfall(numerator: Double, needed: Double) -> Int64 {
    let distance = direction * (needed - numerator)
    let strict = self == .above || self == .below
    let rounded = strict ? (distance + 1e-9).rounded(.down) + 1 : (distance - 1e-9).rounded(.up)
    return Int64(max(0, min(rounded, 9e15)))
  }
}
