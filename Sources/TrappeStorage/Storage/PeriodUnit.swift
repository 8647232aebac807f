
/// The granularity of a ``Period``.
package enum PeriodUnit: UInt8, Sendable, CaseIterable, Comparable {
  case week
  case month
  case quarter
  case year

  /// The unit's English name, as shown in `.describe`.
  package var name: String {
    switch self {
    case .week: return "week"
    case .month: return "month"
    case .quarter: return "quarter"
    case .year: return "year"
    }
  }

  package static func < (lhs: PeriodUnit, rhs: PeriodUnit) -> Bool {
    lhs.rawValue < rhs.rawValue
  }
}
