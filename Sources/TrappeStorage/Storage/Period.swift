
/// A calendar period: a year, a quarter, a month or an ISO week.
///
/// A period is stored as its unit and an ordinal that counts periods of that
/// unit, so ordering, "previous" and "next" are integer arithmetic:
///
/// - year: the year (`2008`)
/// - quarter: `year * 4 + quarter - 1`
/// - month: `year * 12 + month - 1`
/// - week: the number of Mondays since Monday 5 January 1970 (ISO 8601 weeks)
package struct Period: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The period's granularity.
  package var unit: PeriodUnit
  /// The period's position among periods of the same unit.
  package var ordinal: Int32

  /// Creates a period from its unit and ordinal.
  package init(unit: PeriodUnit, ordinal: Int32) {
    self.unit = unit
    self.ordinal = ordinal
  }

  /// A calendar year.
  package static func year(_ year: Int) -> Period {
    Period(unit: .year, ordinal: Int32(year))
  }

  /// Quarter `quarter` (1–4) of `year`.
  package static func quarter(_ year: Int, _ quarter: Int) -> Period {
    Period(unit: .quarter, ordinal: Int32(year * 4 + quarter - 1))
  }

  /// Month `month` (1–12) of `year`.
  package static func month(_ year: Int, _ month: Int) -> Period {
    Period(unit: .month, ordinal: Int32(year * 12 + month - 1))
  }

  /// ISO week `week` of ISO week-year `year`.
  package static func week(_ year: Int, _ week: Int) -> Period {
    let mondayOfWeekOne = CivilDate.mondayOfISOWeekOne(year)
    let monday = mondayOfWeekOne + (week - 1) * 7
    return Period(unit: .week, ordinal: Int32((monday - CivilDate.referenceMonday) / 7))
  }

  /// The period `count` periods later (earlier when negative).
  package func advanced(by count: Int) -> Period {
    Period(unit: unit, ordinal: ordinal + Int32(count))
  }

  /// The period just before this one.
  package var previous: Period { advanced(by: -1) }
  /// The period just after this one.
  package var next: Period { advanced(by: 1) }

  /// The calendar (or ISO week-) year the period belongs to.
  package var year: Int {
    switch unit {
    case .year: return Int(ordinal)
    case .quarter: return Int(ordinal).floorDiv(4)
    case .month: return Int(ordinal).floorDiv(12)
    case .week: return isoWeekParts.year
    }
  }

  /// The quarter (1–4), for quarters and months; nil otherwise.
  package var quarter: Int? {
    switch unit {
    case .quarter: return Int(ordinal).floorMod(4) + 1
    case .month: return Int(ordinal).floorMod(12) / 3 + 1
    default: return nil
    }
  }

  /// The month (1–12), for months; nil otherwise.
  package var month: Int? {
    unit == .month ? Int(ordinal).floorMod(12) + 1 : nil
  }

  /// The ISO week number (1–53), for weeks; nil otherwise.
  package var week: Int? {
    unit == .week ? isoWeekParts.week : nil
  }

  private var isoWeekParts: (year: Int, week: Int) {
    let monday = CivilDate.referenceMonday + Int(ordinal) * 7
    // The ISO year is the calendar year of the week's Thursday.
    let thursdayYear = CivilDate.civil(fromDays: monday + 3).year
    let week = (monday - CivilDate.mondayOfISOWeekOne(thursdayYear)) / 7 + 1
    return (thursdayYear, week)
  }

  /// The canonical spelling: `2008`, `2008Q3`, `2008-09`, `2008W12`.
  package var description: String {
    switch unit {
    case .year: return String(year)
    case .quarter: return "\(year)Q\(quarter ?? 0)"
    case .month:
      let m = month ?? 0
      return "\(year)-\(m < 10 ? "0" : "")\(m)"
    case .week:
      let parts = isoWeekParts
      return "\(parts.year)W\(parts.week < 10 ? "0" : "")\(parts.week)"
    }
  }

  /// Periods of different units order by unit first (weeks before months before quarters before years).
  package static func < (lhs: Period, rhs: Period) -> Bool {
    if lhs.unit != rhs.unit { return lhs.unit < rhs.unit }
    return lhs.ordinal < rhs.ordinal
  }
}

extension Int {
  /// Division that rounds towards negative infinity.
  package func floorDiv(_ divisor: Int) -> Int {
    let q = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? q - 1 : q
  }

  /// The remainder that matches ``floorDiv(_:)``: always in `0..<divisor` for a positive divisor.
  package func floorMod(_ divisor: Int) -> Int {
    self - floorDiv(divisor) * divisor
  }
}
